package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;
import org.steward.platform.kernel.api.Csv;

class ImportParserTest {

    private static final String S = "0190a000-0000-7000-8000-000000000002";

    @Test
    void jsonLinesReportBadLinesAndKeepTheGoodOnes() {
        ImportParser.Parsed p = ImportParser.jsonLines(String.join("\n",
                "{\"externalId\":\"a1\",\"subjectId\":\"" + S + "\",\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\","
                        + "\"occurredAt\":\"2025-01-01T00:00:00Z\"}",
                "",
                "{not json",
                "{\"subjectId\":\"" + S + "\",\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":1,"
                        + "\"occurredAt\":\"2025-01-02T00:00:00+02:00\",\"source\":\"WEB_FORM\"}",
                "{\"subjectId\":\"nope\",\"purpose\":\"x\",\"action\":\"GRANT\",\"occurredAt\":\"2025-01-01T00:00:00Z\"}",
                "{\"subjectId\":\"" + S + "\",\"purpose\":\"x\",\"action\":\"LIKE\",\"occurredAt\":\"2025-01-01T00:00:00Z\"}",
                "{\"subjectId\":\"" + S + "\",\"purpose\":\"x\",\"action\":\"GRANT\",\"colour\":\"red\"}",
                "[1]"));
        assertThat(p.lines()).extracting(ImportLine::line).containsExactly(1, 4);
        assertThat(p.lines().get(0).importKey()).isEqualTo("ext:a1");
        assertThat(p.lines().get(1).importKey()).startsWith("sha256:");
        assertThat(p.lines().get(1).source()).isEqualTo(ConsentSource.WEB_FORM);
        assertThat(p.lines().get(1).noticeVersion()).isEqualTo(1);
        assertThat(p.errors()).extracting(ImportParser.LineError::line, ImportParser.LineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "line"),
                        org.assertj.core.groups.Tuple.tuple(5, "subjectId"),
                        org.assertj.core.groups.Tuple.tuple(6, "action"),
                        org.assertj.core.groups.Tuple.tuple(7, "colour"),
                        org.assertj.core.groups.Tuple.tuple(8, "line"));
    }

    @Test
    void csvWithQuotesAndTheSameContentGivesTheSameKeyAsJsonLines() {
        ImportParser.Parsed csv = ImportParser.csv("subjectId,purpose,action,occurredAt,noticeVersion\r\n"
                + S + ",\"web-analytics\",GRANT,2025-01-02T00:00:00+02:00,1\r\n"
                + S + ",drip-emails,OPT_OUT\r\n");
        assertThat(csv.lines()).hasSize(1);
        assertThat(csv.lines().get(0).action()).isEqualTo(ConsentAction.GRANT);
        assertThat(csv.errors()).extracting(ImportParser.LineError::line).containsExactly(3);
        ImportParser.Parsed jsonl = ImportParser.jsonLines("{\"subjectId\":\"" + S + "\",\"purpose\":\"web-analytics\","
                + "\"action\":\"GRANT\",\"noticeVersion\":1,\"occurredAt\":\"2025-01-01T22:00:00Z\",\"source\":\"ADMIN\"}");
        assertThat(jsonl.lines().get(0).importKey()).isEqualTo(csv.lines().get(0).importKey());
    }

    @Test
    void csvFollowsRfc4180() {
        List<Csv.Row> rows = Csv.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(rows.get(1).fields()).containsExactly("multi\nline", "x", "");
        assertThat(Csv.line(List.of("plain", "a,b", "q\"q", "l\nl"))).isEqualTo("plain,\"a,b\",\"q\"\"q\",\"l\nl\"\r\n");
    }

    @Test
    void anUnknownCsvColumnIsReportedOnTheHeader() {
        ImportParser.Parsed p = ImportParser.csv("subjectId,shoeSize\n" + S + ",42\n");
        assertThat(p.lines()).isEmpty();
        assertThat(p.errors()).extracting(ImportParser.LineError::field).containsExactly("shoeSize");
    }

    @Test
    void csvProblemsNameThePhysicalLineThroughQuotedLineBreaksByteOrderMarkAndCrlf() {
        ImportParser.Parsed p = ImportParser.csv("\uFEFFsubjectId,purpose,action,occurredAt\r\n"
                + S + ",\"web-\r\nanalytics\",GRANT,2025-01-02T00:00:00Z\r\n"
                + "\r\n"
                + S + ",drip-emails,SHRUG,2025-01-02T00:00:00Z\r\n"
                + S + ",\"drip-emails\",OPT_OUT,2025-01-03T00:00:00Z\r\n");
        assertThat(p.lines()).extracting(ImportLine::line).containsExactly(2, 6);
        assertThat(p.lines().get(0).purposeKey()).isEqualTo("web-\r\nanalytics");
        assertThat(p.errors()).extracting(ImportParser.LineError::line, ImportParser.LineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "action"));
    }

    @Test
    void aCsvQuoteThatNeverClosesIsReportedOnTheLineItsRecordStarts() {
        ImportParser.Parsed p = ImportParser.csv("subjectId,purpose,action,occurredAt\n"
                + S + ",drip-emails,OPT_OUT,2025-01-02T00:00:00Z\n"
                + S + ",\"drip-emails,OPT_OUT,2025-01-03T00:00:00Z\n"
                + S + ",drip-emails,OPT_OUT,2025-01-04T00:00:00Z\n");
        assertThat(p.lines()).isEmpty();
        assertThat(p.errors()).containsExactly(new ImportParser.LineError(3, "line", "a quoted field is not closed"));
    }

    @Test
    void theImportKeyOfALineWithoutExternalIdIsTheOneStoredBefore() {
        // Keys computed by the hand-written canonical JSON that RFC 8785 replaced: re-imports must still match them.
        ImportParser.Parsed p = ImportParser.jsonLines("{\"subjectId\":\"0190A000-0000-7000-8000-000000000002\","
                + "\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":1,"
                + "\"occurredAt\":\"2025-01-02T00:00:00+02:00\",\"source\":\"WEB_FORM\"}\n"
                + "{\"subjectId\":\"0190a000-0000-7000-8000-000000000002\",\"purpose\":\"drip-emails\","
                + "\"action\":\"OPT_OUT\",\"occurredAt\":\"2025-01-02T00:00:00Z\","
                + "\"expiresAt\":\"2026-01-02T00:00:00Z\",\"noticeLanguage\":\"pt-BR\"}");
        assertThat(p.lines()).extracting(ImportLine::importKey).containsExactly(
                "sha256:40aed8e1d9fbbde358fc6709b74921ce63b2ef880ec1459897fe3bfc1e00f402",
                "sha256:878d4b65d41d90ac0c52c9d61ff7d54d88ca1f76ed247a3d08eec0bc17faeb4b");
    }
}
