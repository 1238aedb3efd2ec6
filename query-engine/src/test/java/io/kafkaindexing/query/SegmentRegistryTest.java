package io.kafkaindexing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.query.timeline.ServerType;
import io.kafkaindexing.query.timeline.TimelineEntry;
import io.kafkaindexing.segment.SegmentId;
import io.kafkaindexing.segment.incremental.IncrementalIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.joda.time.DateTimeZone;
import org.joda.time.Interval;
import org.joda.time.chrono.ISOChronology;
import org.junit.jupiter.api.Test;

class SegmentRegistryTest {
  private static Interval utc(String s) {
    return new Interval(s, ISOChronology.getInstanceUTC());
  }

  private static IncrementalIndex index(Interval interval) {
    return new IncrementalIndex(SeedData.seedSchema(interval.getStartMillis()));
  }

  @Test
  void lookupClipsQueryIntervalsToOverlappingSegments() {
    SegmentRegistry registry = new SegmentRegistry();
    SegmentId nine = new SegmentId("ds", utc("2018-03-06T09/2018-03-06T10"), "v1", 0);
    SegmentId ten = new SegmentId("ds", utc("2018-03-06T10/2018-03-06T11"), "v1", 0);
    registry.announce(ten, index(ten.interval()));
    registry.announce(nine, index(nine.interval()));
    registry.announce(new SegmentId("other", nine.interval(), "v1", 0), index(nine.interval()));
    List<TimelineEntry> entries = registry.lookup("ds", List.of(utc("2018-03-06T09:30/2018-03-06T10:15")));
    assertEquals(2, entries.size());
    assertEquals(nine, entries.get(0).id());
    assertEquals(utc("2018-03-06T09:30/2018-03-06T10:00"), entries.get(0).interval());
    assertEquals(utc("2018-03-06T10:00/2018-03-06T10:15"), entries.get(1).interval());
    assertEquals(List.of(), registry.lookup("ds", List.of(utc("2018-03-06T11/2018-03-06T12"))));
    assertEquals(List.of(), registry.lookup("nope", List.of(utc("2018/2019"))));
    assertEquals(List.of("ds", "other"), registry.getDataSources());
  }

  /**
   * Random segments of random lengths and versions over a day: every minute of a lookup is read
   * from exactly the segments of the newest version covering it, as comparing every segment with
   * every other gives (segments starting long before a newer one included).
   */
  @Test
  void eachMinuteIsReadFromTheNewestVersionCoveringIt() {
    Random random = new Random(42);
    long day = utc("2018-03-06/2018-03-07").getStartMillis();
    long minute = 60_000L;
    for (int round = 0; round < 50; round++) {
      SegmentRegistry registry = new SegmentRegistry();
      List<SegmentId> ids = new ArrayList<>();
      for (int s = 0; s < 1 + random.nextInt(30); s++) {
        long start = day + random.nextInt(24 * 60) * minute;
        long length = (1 + random.nextInt(random.nextBoolean() ? 90 : 24 * 60)) * minute;
        long end = Math.min(start + length, day + 24 * 60 * minute);
        SegmentId id = new SegmentId("ds", new Interval(start, end, DateTimeZone.UTC),
            "v" + (10 + random.nextInt(20)), random.nextInt(2));
        if (!ids.contains(id)) {
          ids.add(id);
          registry.announce(id, index(id.interval()));
        }
      }
      Map<Long, Set<SegmentId>> read = new HashMap<>();
      for (TimelineEntry e : registry.lookup("ds", List.of(utc("2018-03-06T03/2018-03-06T21")))) {
        for (long m = e.interval().getStartMillis(); m < e.interval().getEndMillis(); m += minute) {
          assertTrue(read.computeIfAbsent(m, k -> new HashSet<>()).add(e.id()), "minute read twice");
        }
      }
      for (long m = utc("2018-03-06T03/2018-03-06T04").getStartMillis(); m < day + 21 * 60 * minute; m += minute) {
        long at = m;
        String newest = ids.stream().filter(id -> id.interval().contains(at)).map(SegmentId::version)
            .max(String::compareTo).orElse(null);
        Set<SegmentId> expected = new HashSet<>();
        ids.stream().filter(id -> id.interval().contains(at) && id.version().equals(newest)).forEach(expected::add);
        assertEquals(expected, read.getOrDefault(m, Set.of()), "round " + round + " minute " + (m - day) / minute);
      }
    }
  }

  /** Druid's versioned timeline: a newer version hides older ones where it covers their time, and only there. */
  @Test
  void newerVersionsOvershadowOlderOnesWhereTheyOverlap() {
    SegmentRegistry registry = new SegmentRegistry();
    SegmentId dayV1p0 = new SegmentId("ds", utc("2018-03-06/2018-03-07"), "2018-03-07T00:00:00.000Z", 0);
    SegmentId dayV1p1 = new SegmentId("ds", utc("2018-03-06/2018-03-07"), "2018-03-07T00:00:00.000Z", 1);
    SegmentId hourV2 = new SegmentId("ds", utc("2018-03-06T09/2018-03-06T10"), "2018-03-08T00:00:00.000Z", 0);
    SegmentId hourV0 = new SegmentId("ds", utc("2018-03-06T12/2018-03-06T13"), "2018-03-01T00:00:00.000Z", 0);
    for (SegmentId id : List.of(dayV1p0, dayV1p1, hourV2, hourV0)) {
      registry.announce(id, index(id.interval()));
    }
    List<TimelineEntry> entries = registry.lookup("ds", List.of(utc("2018-03-06T08/2018-03-06T14")));
    List<String> seen = entries.stream().map(e -> e.id().partitionNum() + "@" + e.id().version().substring(8, 10)
        + " " + e.interval().getStart().getHourOfDay() + "-" + e.interval().getEnd().getHourOfDay()).toList();
    assertEquals(List.of("0@07 8-9", "0@07 10-14", "1@07 8-9", "1@07 10-14", "0@08 9-10"), seen,
        "both partitions of the day segment are read around the newer hour, the older hour not at all");
    assertEquals(4, registry.getSegments("ds").size(), "overshadowed segments stay announced");
    registry.unannounce(hourV2);
    assertEquals(List.of(utc("2018-03-06T08/2018-03-06T14")),
        registry.lookup("ds", List.of(utc("2018-03-06T08/2018-03-06T14"))).stream()
            .filter(e -> e.id().equals(dayV1p0)).map(TimelineEntry::interval).toList());
  }

  @Test
  void handoffServesTheNewestAnnouncementAndKeepsItWhenTheTaskLeaves() {
    SegmentRegistry registry = new SegmentRegistry();
    SegmentId id = new SegmentId("ds", utc("2018-03-06T09/2018-03-06T10"), "v1", 0);
    IncrementalIndex realtime = index(id.interval());
    IncrementalIndex historical = index(id.interval());
    registry.announce(id, realtime);
    registry.announce(id, historical);
    assertSame(historical, registry.lookup("ds", List.of(id.interval())).get(0).segment());
    assertTrue(registry.unannounce(id, realtime));
    assertFalse(registry.unannounce(id, realtime));
    assertSame(historical, registry.getSegments("ds").get(id));
    registry.unannounce(id);
    assertEquals(List.of(), registry.getDataSources());
    assertTrue(registry.getSegments("ds").isEmpty());
  }

  /** Handoff: queries read the Historical's copy of an id, whichever was announced first, and never both. */
  @Test
  void theHistoricalsCopyIsServedWhateverTheOrderOfAnnouncements() {
    SegmentRegistry registry = new SegmentRegistry();
    SegmentId id = new SegmentId("ds", utc("2018-03-06T09/2018-03-06T10"), "v1", 0);
    IncrementalIndex realtime = index(id.interval());
    IncrementalIndex replica = index(id.interval());
    IncrementalIndex historical = index(id.interval());
    registry.announce(id, historical, ServerType.HISTORICAL);
    registry.announce(id, realtime);
    registry.announce(id, replica, ServerType.REALTIME);
    List<TimelineEntry> entries = registry.lookup("ds", List.of(utc("2018/2019")));
    assertEquals(1, entries.size(), "one server per id: rows are read once");
    assertSame(historical, entries.get(0).segment());
    assertSame(historical, registry.getSegments("ds").get(id));
    // The task leaves after handoff; the Historical keeps serving.
    assertTrue(registry.unannounce(id, realtime));
    assertTrue(registry.unannounce(id, replica));
    assertSame(historical, registry.lookup("ds", List.of(id.interval())).get(0).segment());
    // The Historical drops the segment (no longer used) while a replica task still serves it.
    registry.announce(id, replica);
    assertTrue(registry.unannounce(id, historical));
    assertSame(replica, registry.lookup("ds", List.of(id.interval())).get(0).segment());
  }
}
