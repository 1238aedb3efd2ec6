package io.kafkaindexing.segment.granularity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Locale;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Period;

/**
 * Druid's JSON forms of a granularity. Read: a name ({@code "hour"}), or an object with
 * {@code type} = a name, {@code period} ({@code period}, {@code timeZone}, {@code origin}) or
 * {@code duration} ({@code duration} millis, {@code origin}). Written: named periods in UTC as the
 * upper-case name ({@code "HOUR"}), {@code none}/{@code all} as {@code {"type":"none"}}, others as
 * their object form.
 */
final class GranularityJson {
  private GranularityJson() {}

  static final class Serializer extends JsonSerializer<Granularity> {
    @Override
    public void serialize(Granularity g, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (g instanceof NoneGranularity || g instanceof AllGranularity) {
        gen.writeStartObject();
        gen.writeStringField("type", g.toString());
        gen.writeEndObject();
      } else if (g instanceof PeriodGranularity p && p.isStandard()) {
        gen.writeString(Granularities.nameOf(p.period()));
      } else if (g instanceof PeriodGranularity p) {
        gen.writeStartObject();
        gen.writeStringField("type", "period");
        gen.writeStringField("period", p.period().toString());
        gen.writeStringField("timeZone", p.timeZone().getID());
        if (p.originMillis() == null) {
          gen.writeNullField("origin");
        } else {
          gen.writeStringField("origin", new DateTime(p.originMillis(), p.timeZone()).toString());
        }
        gen.writeEndObject();
      } else if (g instanceof DurationGranularity d) {
        gen.writeStartObject();
        gen.writeStringField("type", "duration");
        gen.writeNumberField("duration", d.durationMillis());
        gen.writeStringField("origin", new DateTime(d.originMillis(), DateTimeZone.UTC).toString());
        gen.writeEndObject();
      } else {
        throw new IOException("Cannot serialize granularity " + g);
      }
    }
  }

  static final class Deserializer extends JsonDeserializer<Granularity> {
    @Override
    public Granularity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        String text = p.getText();
        return parse(() -> Granularities.fromName(text), p, ctxt);
      }
      JsonNode node = p.readValueAsTree();
      if (node == null || !node.isObject() || !node.hasNonNull("type")) {
        return ctxt.reportInputMismatch(Granularity.class,
            "Granularity must be a name such as \"hour\" or an object with a \"type\"");
      }
      String type = node.get("type").asText().toLowerCase(Locale.ROOT);
      return parse(() -> fromObject(type, node), p, ctxt);
    }

    private static Granularity fromObject(String type, JsonNode node) {
      switch (type) {
        case "period": {
          if (!node.hasNonNull("period")) {
            throw new IllegalArgumentException("Granularity of type[period] needs a \"period\"");
          }
          DateTimeZone zone = node.hasNonNull("timeZone") ? DateTimeZone.forID(node.get("timeZone").asText())
              : DateTimeZone.UTC;
          Long origin = node.hasNonNull("origin") ? new DateTime(node.get("origin").asText(), zone).getMillis() : null;
          return new PeriodGranularity(new Period(node.get("period").asText()), origin, zone);
        }
        case "duration": {
          if (!node.hasNonNull("duration")) {
            throw new IllegalArgumentException("Granularity of type[duration] needs a \"duration\" in milliseconds");
          }
          long origin = node.hasNonNull("origin") ? new DateTime(node.get("origin").asText(), DateTimeZone.UTC).getMillis()
              : 0L;
          return new DurationGranularity(node.get("duration").asLong(), origin);
        }
        default:
          return Granularities.fromName(type);
      }
    }

    private static Granularity parse(java.util.function.Supplier<Granularity> f, JsonParser p,
        DeserializationContext ctxt) throws IOException {
      try {
        return f.get();
      } catch (IllegalArgumentException e) {
        return ctxt.reportInputMismatch(Granularity.class, "%s", e.getMessage());
      }
    }
  }
}
