package org.steward.platform.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of RFC 8785 itself. */
class CanonicalJsonTest {

    /** RFC 8785 §3.2.2 input. */
    private static final String SAMPLE = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
              "literals": [null, true, false]
            }""";

    @Test
    void theSampleOfSection322() {
        assertThat(CanonicalJson.of(SAMPLE)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,"
                + "1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void theUtf8BytesOfSection324() {
        String hex = "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
                + " 75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
                + " 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
                + " 65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
                + " 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
                + " 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d";
        assertThat(HexFormat.of().formatHex(CanonicalJson.of(SAMPLE).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(hex.replace(" ", ""));
    }

    @Test
    void propertiesSortByUtf16CodeUnitsAsInSection323() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        assertThat(CanonicalJson.of(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void numbersAsInAppendixB() {
        String[][] samples = {
                {"0000000000000000", "0"}, {"8000000000000000", "0"}, {"0000000000000001", "5e-324"},
                {"8000000000000001", "-5e-324"}, {"7fefffffffffffff", "1.7976931348623157e+308"},
                {"ffefffffffffffff", "-1.7976931348623157e+308"}, {"4340000000000000", "9007199254740992"},
                {"c340000000000000", "-9007199254740992"}, {"4430000000000000", "295147905179352830000"},
                {"44b52d02c7e14af5", "9.999999999999997e+22"}, {"44b52d02c7e14af6", "1e+23"},
                {"44b52d02c7e14af7", "1.0000000000000001e+23"}, {"444b1ae4d6e2ef4e", "999999999999999700000"},
                {"444b1ae4d6e2ef4f", "999999999999999900000"}, {"444b1ae4d6e2ef50", "1e+21"},
                {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"}, {"3eb0c6f7a0b5ed8d", "0.000001"},
                {"41b3de4355555553", "333333333.3333332"}, {"41b3de4355555554", "333333333.33333325"},
                {"41b3de4355555555", "333333333.3333333"}, {"41b3de4355555556", "333333333.3333334"},
                {"41b3de4355555557", "333333333.33333343"}, {"becbf647612f3696", "-0.0000033333333333333333"},
                {"43143ff3c1cb0959", "1424953923781206.2"}};
        for (String[] s : samples) {
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(s[0], 16));
            // Java writes every double so that it reads back as the same double.
            assertThat(CanonicalJson.of("[" + d + "]")).as(s[0]).isEqualTo("[" + s[1] + "]");
        }
    }

    @Test
    void whatIsNotIJsonIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.of("[1e999]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of("[NaN]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of("{\"a\":1} trailing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDocumentLeavesOutItsNullMembersAndIsTheFormOfItsJson() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("gone", null);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("b", List.of("x\"\n\u0001", true, 9_007_199_254_740_992L));
        doc.put("a", inner);
        doc.put("n", Arrays.asList("kept", null));
        doc.put("absent", null);
        String canonical = CanonicalJson.ofMembers(doc);
        assertThat(canonical).isEqualTo("{\"a\":{\"z\":1},\"b\":[\"x\\\"\\n\\u0001\",true,9007199254740992],"
                + "\"n\":[\"kept\",null]}");
        assertThat(CanonicalJson.of(Json.createReader(new java.io.StringReader(canonical)).readValue()))
                .isEqualTo(canonical);
    }
}
