package io.kafkaindexing.query.topn;

import io.kafkaindexing.query.QueryToolkit;
import io.kafkaindexing.query.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A topN merge that folds each segment's partial as soon as the segments before it are folded, so
 * the merge runs while later segments are read instead of after all of them: compact partials go
 * straight into a {@link TopNArrayMerge.Folder} (the same pairwise folds in the same order as
 * {@link TopNMerger#merge}); the partials are also kept, and should one not be compact the answer
 * is {@link TopNMerger#merge} of them all, as without folding. Used by one thread at a time.
 */
final class TopNFold implements QueryToolkit.PartialFold<List<Result<List<Map<String, Object>>>>> {
  private final TopNQuery query;
  private final TopNMerger merger;
  private final List<List<Result<List<Map<String, Object>>>>> partials = new ArrayList<>();
  /** Null once a partial was not compact. */
  private TopNArrayMerge.Folder folder;
  private boolean anyCompact;

  TopNFold(TopNQuery query, TopNMerger merger) {
    this.query = query;
    this.merger = merger;
    this.folder = new TopNArrayMerge.Folder(query);
  }

  @Override
  public void add(List<Result<List<Map<String, Object>>>> partial) {
    partials.add(partial);
    if (folder == null) {
      return;
    }
    if (!TopNArrayMerge.compactOrEmpty(partial)) {
      folder = null;
      return;
    }
    folder.add(partial);
    anyCompact |= TopNArrayMerge.hasCompact(partial);
  }

  @Override
  public List<?> finish() {
    return folder != null && anyCompact ? folder.finish() : merger.merge(query, partials);
  }
}
