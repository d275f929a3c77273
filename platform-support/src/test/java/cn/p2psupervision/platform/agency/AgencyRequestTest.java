package cn.p2psupervision.platform.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.security.Actor;

/** AUTH-05: what a request to a partner agency is, and how it changes as the agency acknowledges and answers it. */
class AgencyRequestTest {

    static final Instant SENT_AT = Instant.parse("2017-06-01T01:00:00Z");
    static final Actor POLICE = new Actor("id-police", "service-account-agency-public-security", null,
            "PUBLIC_SECURITY");

    static AgencyRequest.Draft draft(String id, AgencyRequestKind kind, String institutionId, LocalDate dueOn) {
        return new AgencyRequest.Draft(id, kind, institutionId, "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33",
                List.of("44"), "classification", "classification/" + institutionId + "/round-1",
                List.of("取缔类：涉嫌非法集资", "处置意见：实际控制人已失联"), SENT_AT, dueOn);
    }

    static AgencyRequest referral(LocalDate dueOn) {
        return AgencyRequest.sent(draft("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", dueOn));
    }

    @Test
    void auth05_eachKindGoesToExactlyOneAgency() {
        assertThat(Arrays.stream(AgencyRequestKind.values()).map(AgencyRequestKind::agency).toList()).containsExactly(
                Agency.PUBLIC_SECURITY, Agency.TELECOM, Agency.TELECOM, Agency.CENTRAL_BANK, Agency.MARKET_REGULATION);
        AgencyRequest blocking = AgencyRequest.sent(draft("A-1-BLOCK_WEBSITE", AgencyRequestKind.BLOCK_WEBSITE, "zj-1",
                null));
        assertThat(blocking.agency()).isEqualTo(Agency.TELECOM);
        assertThat(blocking.state()).isEqualTo(AgencyRequest.State.SENT);
        assertThat(blocking.version()).isEqualTo(1);
        assertThat(AgencyRequestKind.REFERRAL.chinese()).isEqualTo("移送公安机关");
    }

    @Test
    void auth05_acknowledgingTwiceKeepsTheFirstReceipt() {
        AgencyRequest sent = referral(null);

        AgencyRequest acknowledged = sent.acknowledge(" 杭公经受字2017-118 ", POLICE, SENT_AT.plusSeconds(60));
        AgencyRequest again = acknowledged.acknowledge("another", POLICE, SENT_AT.plusSeconds(120));

        assertThat(acknowledged.state()).isEqualTo(AgencyRequest.State.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledged().receiptNumber()).isEqualTo("杭公经受字2017-118");
        assertThat(acknowledged.version()).isEqualTo(2);
        assertThat(again).isSameAs(acknowledged);
    }

    @Test
    void auth05_anAnswerIsAppendedOncePerKeyAndAcknowledgesToo() {
        AgencyRequest sent = referral(null);

        AgencyRequest answered = sent.answer("k1", "已立案侦查", "杭公立字2017-0091", POLICE, SENT_AT.plusSeconds(60));
        AgencyRequest retried = answered.answer("k1", "已立案侦查", "杭公立字2017-0091", POLICE, SENT_AT.plusSeconds(90));
        AgencyRequest second = retried.answer("k2", "已移送检察院审查起诉", null, POLICE, SENT_AT.plusSeconds(120));

        assertThat(answered.state()).isEqualTo(AgencyRequest.State.ANSWERED);
        assertThat(answered.acknowledged().by()).isEqualTo(POLICE);
        assertThat(retried).isSameAs(answered);
        assertThat(second.answers()).extracting(AgencyRequest.Answer::text)
                .containsExactly("已立案侦查", "已移送检察院审查起诉");
        assertThat(second.answers().get(0).reference()).isEqualTo("杭公立字2017-0091");
        assertThat(second.version()).isEqualTo(3);
    }

    @Test
    void auth05_aRequestNotAnsweredAfterItsDueDateIsOverdue() {
        LocalDate due = LocalDate.of(2017, 6, 30);
        AgencyRequest sent = referral(due);

        assertThat(sent.overdue(due)).isFalse();
        assertThat(sent.overdue(due.plusDays(1))).isTrue();
        assertThat(sent.acknowledge(null, POLICE, SENT_AT).overdue(due.plusDays(1))).isTrue();
        assertThat(sent.answer("k", "已处理", null, POLICE, SENT_AT).overdue(due.plusDays(1))).isFalse();
        assertThat(referral(null).overdue(LocalDate.of(2099, 1, 1))).isFalse();
    }

    @Test
    void auth05_answersAndReceiptsAreCheckedAndNameTheRule() {
        AgencyRequest sent = referral(null);

        assertInvalid(() -> sent.answer("k", " ", null, POLICE, SENT_AT), "text", "is required");
        assertInvalid(() -> sent.answer("k", "字".repeat(AgencyRequest.MAX_TEXT + 1), null, POLICE, SENT_AT), "text",
                "at most 4000");
        assertInvalid(() -> sent.answer("k", "已处理", "号".repeat(101), POLICE, SENT_AT), "reference", "at most 100");
        assertInvalid(() -> sent.acknowledge("号".repeat(101), POLICE, SENT_AT), "receiptNumber", "at most 100");
        assertInvalid(() -> sent.answer("k", "已\u0000处理", null, POLICE, SENT_AT), "text", "control characters");
        assertThat(sent.answer("k", "字".repeat(AgencyRequest.MAX_TEXT), null, POLICE, SENT_AT).answers()).hasSize(1);
    }

    @Test
    void auth05_aDraftNamesAnIdFitForAUrlAnInstitutionAndAtLeastOneReason() {
        assertInvalid(() -> draft("R/1", AgencyRequestKind.REFERRAL, "zj-1", null), "id", "letters, digits");
        assertInvalid(() -> draft("", AgencyRequestKind.REFERRAL, "zj-1", null), "id", "letters, digits");
        assertInvalid(() -> draft("R-1", null, "zj-1", null), "kind", "is required");
        assertInvalid(() -> draft("R-1", AgencyRequestKind.REFERRAL, " ", null), "institutionId", "is required");
        assertInvalid(() -> new AgencyRequest.Draft("R-1", AgencyRequestKind.REFERRAL, "zj-1", "名称", null, null,
                null, "classification", null, List.of(), SENT_AT, null), "reasons", "at least one");
        assertInvalid(() -> new AgencyRequest.Draft("R-1", AgencyRequestKind.REFERRAL, "zj-1", "名称", null, null,
                null, "classification", null, List.of("理由", "理".repeat(4001)), SENT_AT, null), "reasons[1]",
                "at most 4000");
        assertInvalid(() -> new AgencyRequest.Draft("R-1", AgencyRequestKind.REFERRAL, "zj-1", "名称", null, null,
                null, "classification", null, List.of("理由"), null, null), "requestedAt", "is required");
    }

    @Test
    void auth05_reasonsThatGrowWithTheRecordsAreFittedIntoARequest() {
        List<String> many = new java.util.ArrayList<>();
        many.add(" ");
        many.add("字".repeat(AgencyRequest.MAX_TEXT - 2) + "\uD842\uDFB7" + "尾");
        for (int i = 0; i < 60; i++) {
            many.add("发现 F-" + i + "：设立资金池，属取缔类情形");
        }

        List<String> fitted = AgencyRequest.fitReasons(many);

        assertThat(fitted).hasSize(AgencyRequest.MAX_REASONS);
        assertThat(fitted.get(0)).hasSizeLessThanOrEqualTo(AgencyRequest.MAX_TEXT).endsWith("字…");
        assertThat(fitted.get(AgencyRequest.MAX_REASONS - 1)).isEqualTo("另有 12 条理由从略");
        assertThat(new AgencyRequest.Draft("R-1", AgencyRequestKind.REFERRAL, "zj-1", "名称", null, null, null,
                "classification", null, fitted, SENT_AT, null).reasons()).isEqualTo(fitted);
        assertThat(AgencyRequest.fitReasons(List.of("一", "二"))).containsExactly("一", "二");
    }

    @Test
    void auth05_theApiShowsTheRequestWithItsStateAndWhetherItIsOverdue() {
        AgencyRequest sent = referral(LocalDate.of(2017, 6, 30));

        JsonNode json = JsonMapper.builder().build().valueToTree(AgencyRequest.View.of(sent, LocalDate.of(2017, 7,
                1)));

        assertThat(json.get("id").asString()).isEqualTo("R-zj-1-1");
        assertThat(json.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
        assertThat(json.get("kind").asString()).isEqualTo("REFERRAL");
        assertThat(json.get("state").asString()).isEqualTo("SENT");
        assertThat(json.get("overdue").asBoolean()).isTrue();
        assertThat(json.get("dueOn").asString()).isEqualTo("2017-06-30");
        assertThat(json.get("reasons").get(0).asString()).isEqualTo("取缔类：涉嫌非法集资");
        assertThat(json.has("request")).isFalse();
    }

    @Test
    void auth05_thePayloadCarriesTheDraftThroughTheOutboxUnchanged() {
        AgencyRequest.Draft draft = draft("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", LocalDate.of(2017, 6, 30));

        Map<String, Object> payload = AgencyRequestDelivery.payload(draft);

        assertThat(payload).containsEntry("kind", "REFERRAL").containsEntry("agency", "PUBLIC_SECURITY")
                .containsEntry("dueOn", "2017-06-30").doesNotContainValue(null);
        assertThat(AgencyRequestDelivery.draftOf(Map.copyOf(payload))).isEqualTo(draft);
        AgencyRequest.Draft bare = new AgencyRequest.Draft("R-1", AgencyRequestKind.REFERRAL, "zj-1", "名称", null,
                null, null, "classification", null, List.of("理由"), SENT_AT, null);
        assertThat(AgencyRequestDelivery.draftOf(Map.copyOf(AgencyRequestDelivery.payload(bare)))).isEqualTo(bare);
    }

    private static void assertInvalid(Runnable act, String member, String problem) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.member()).isEqualTo(member);
            assertThat(e.problem()).contains(problem);
            assertThat(e.rule()).isEqualTo("AUTH-05");
        });
    }
}
