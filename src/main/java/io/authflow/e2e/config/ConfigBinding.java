package io.authflow.e2e.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The merged configuration tree bound to records by Jackson. Each value of the wrong type, choice
 * not offered, duration that is not ISO-8601 or not positive, and key config/defaults.yaml does not
 * have is one problem naming the file, the key and the fix; binding goes on past it, so every
 * problem is listed at once. The records' components are the keys: a new key is a line in
 * defaults.yaml and a component here (or in the public record a section binds to).
 */
final class ConfigBinding {
  private static final String FREE_FORM = "target.capabilities";
  private static final String WRONG_SHAPE =
      " has the wrong shape: a list, a mapping or one value, as in config/defaults.yaml.";
  // What a key of the wrong shape reads as, so binding goes on to the next problem.
  private static final Map<Class<?>, Object> EMPTY =
      Map.of(String.class, "", List.class, List.of(), Map.class, Map.of(), boolean.class, false);
  private static final JsonSetter.Value EMPTY_IF_NULL =
      JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);

  /** The whole file, section by section. */
  record Settings(
      Stack stack,
      AppConfig app,
      TargetConfig target,
      Pool userPool,
      LocalStackConfig local,
      InboxConfig inbox,
      Users users,
      Timeouts timeouts) {}

  enum Stack {
    EMBEDDED,
    NONE
  }

  /**
   * target.credentials as written: the NAMES of the variables that hold the farm's user name and
   * access key; ConfigLoader reads their values.
   */
  abstract static class CredentialNames {
    @JsonCreator
    static TargetConfig.Credentials named(
        @JsonProperty("username") String username, @JsonProperty("accessKey") String accessKey) {
      throw new UnsupportedOperationException("a mix-in: Jackson calls TargetConfig's own");
    }
  }

  record Pool(
      String amplifyOutputs,
      String region,
      String id,
      String clientId,
      String awsProfile,
      String endpoint,
      boolean disposable,
      PasswordPolicy passwordPolicy) {}

  record Users(
      String emailPrefix,
      String emailDomain,
      List<String> testDomains,
      Duration sweepOlderThan,
      String mobile) {}

  private final String file;
  private final JsonNode defaults;
  private final List<String> problems;

  ConfigBinding(String file, JsonNode defaults, List<String> problems) {
    this.file = file;
    this.defaults = defaults;
    this.problems = problems;
  }

  /** The records, or null when a key has the wrong shape (and the problems say which). */
  Settings bind(ObjectNode merged) {
    var mapper =
        JsonMapper.builder()
            // An empty key ('udids:') is an empty list or mapping; empty text is Trimmed's.
            .withConfigOverride(List.class, o -> o.setSetterInfo(EMPTY_IF_NULL))
            .withConfigOverride(Map.class, o -> o.setSetterInfo(EMPTY_IF_NULL))
            .addModule(
                new SimpleModule()
                    .addDeserializer(String.class, new Trimmed())
                    .addDeserializer(Duration.class, new PositiveDuration()))
            .addMixIn(TargetConfig.Credentials.class, CredentialNames.class)
            .addHandler(new Problems())
            .build();
    try {
      return mapper.treeToValue(merged, Settings.class);
    } catch (JsonMappingException e) {
      // A section of another shape (a list where a mapping belongs): nothing below it is readable.
      String key =
          e.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .filter(Objects::nonNull)
              .collect(Collectors.joining("."));
      problems.add(file + ": " + key + WRONG_SHAPE);
      return null;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The merged configuration cannot be read back", e);
    }
  }

  /** Every key of {@code node}, dotted; the free-form capabilities are no key of their own. */
  static List<String> leafKeys(JsonNode node, String path) {
    List<String> keys = new ArrayList<>();
    node.fields()
        .forEachRemaining(
            f -> {
              String key = path + f.getKey();
              if (f.getValue().isObject() && !key.equals(FREE_FORM)) {
                keys.addAll(leafKeys(f.getValue(), key + "."));
              } else if (!key.equals(FREE_FORM)) {
                keys.add(key);
              }
            });
    return keys;
  }

  private String suggestion(String key) {
    // A mistyped section ('userpool:') is compared with the sections, a mistyped key with the keys.
    return leafKeys(defaults, "").stream()
        .map(
            known -> known.startsWith(".", key.length()) ? known.substring(0, key.length()) : known)
        .filter(known -> known.equalsIgnoreCase(key))
        .findFirst()
        .map(known -> " (did you mean '" + known + "'?)")
        .orElse(" (see config/defaults.yaml for the keys)");
  }

  /** The dotted key the parser is at. */
  private static String key(JsonParser p) {
    Deque<String> names = new ArrayDeque<>();
    for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        names.push(c.getCurrentName());
      }
    }
    return String.join(".", names);
  }

  private void problem(JsonParser p, String value, String fix) {
    problems.add(file + ": " + key(p) + " is '" + value + "'; " + fix);
  }

  /** Text as written, without the spaces around it; an empty key is empty text. */
  private static final class Trimmed extends StdScalarDeserializer<String> {
    Trimmed() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isScalarValue()) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      return p.getText().trim();
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
      return "";
    }
  }

  /** Every bound the harness waits under: ISO-8601, longer than zero. */
  private final class PositiveDuration extends StdScalarDeserializer<Duration> {
    PositiveDuration() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString("").trim();
      try {
        Duration value = Duration.parse(text);
        if (value.isNegative() || value.isZero()) {
          problem(p, text, "it must be longer than zero.");
        }
        return value;
      } catch (DateTimeParseException e) {
        problems.add(
            file
                + ": "
                + key(p)
                + " is '"
                + text
                + "', not a duration; use ISO-8601 such as PT15S (15 seconds) or PT2H.");
        return Duration.ZERO;
      }
    }
  }

  /** Jackson's problems as this project words them; each answered so binding goes on. */
  private final class Problems extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      String key = key(p);
      problems.add(file + ": unknown key '" + key + "'" + suggestion(key) + ".");
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleWeirdStringValue(
        DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
      JsonParser p = ctxt.getParser();
      if (targetType.isEnum()) {
        // Config files write choices in lower case, and aws-device-farm for AWS_DEVICE_FARM.
        String name = value.trim().replace('-', '_');
        Object[] choices = targetType.getEnumConstants();
        for (Object choice : choices) {
          if (((Enum<?>) choice).name().equalsIgnoreCase(name)) {
            return choice;
          }
        }
        problem(
            p,
            value,
            "use one of "
                + Stream.of(choices)
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "))
                + ".");
        return choices[0];
      }
      if (targetType == boolean.class || targetType == Boolean.class) {
        problem(p, value, "use true or false.");
        return false;
      }
      if (targetType == int.class || targetType == Integer.class) {
        problem(p, value, "use a whole number.");
        return 0;
      }
      return NOT_HANDLED;
    }

    @Override
    public Object handleUnexpectedToken(
        DeserializationContext ctxt, JavaType type, JsonToken t, JsonParser p, String failureMsg)
        throws IOException {
      Object empty = EMPTY.get(type.getRawClass());
      if (empty == null) {
        return NOT_HANDLED;
      }
      problems.add(file + ": " + key(p) + WRONG_SHAPE);
      p.skipChildren();
      return empty;
    }
  }
}
