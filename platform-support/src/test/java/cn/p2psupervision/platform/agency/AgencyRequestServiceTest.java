package cn.p2psupervision.platform.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.idempotency.IdempotencyKeys;
import cn.p2psupervision.platform.idempotency.RequestIdentity;
import cn.p2psupervision.platform.mongo.InMemoryStore;
import cn.p2psupervision.platform.outbox.OutboxDelivery;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * AUTH-05 on a real (embedded) store: the outbox makes a request once; each agency reads, acknowledges and answers
 * only what is addressed to it, each act once per {@code Idempotency-Key}; regulators follow the requests within their
 * scope (AUTH-02), and the overdue ones are flagged to the province and to central.
 */
class AgencyRequestServiceTest {

    static final Caller POLICE = agency("PUBLIC_SECURITY");
    static final Caller TELECOM = agency("TELECOM");
    static final Caller CENTRAL = new Caller("id-central", "central", Set.of(PlatformRole.CENTRAL_REGULATOR), null,
            null);
    static final Caller ZHEJIANG = officer("33");
    static final Caller GUANGDONG = officer("44");
    static final Caller BEIJING = officer("11");
    /** 2017-06-10 in China. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.of(2017, 6, 10);

    InMemoryStore store;
    AgencyRequestStore requests;
    AgencyRequestDelivery delivery;
    AuditTrail audit;
    AgencyRequestService service;

    @BeforeEach
    void start() {
        store = new InMemoryStore();
        InstitutionReferences references = new InstitutionReferences(store.mongo);
        references.apply(List.of(institution("zj-1", "33", "44"), institution("gd-1", "44"),
                institution("bj-1", "11", "31")));
        requests = new AgencyRequestStore(store.mongo);
        requests.createIndexes();
        delivery = new AgencyRequestDelivery(requests);
        audit = new AuditTrail(store.mongo, CLOCK);
        service = new AgencyRequestService(requests, new InstitutionDirectory(references),
                new IdempotencyKeys(store.mongo, CLOCK), audit, CLOCK);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void auth05_aRepeatedDeliveryMakesTheRequestOnceAndLeavesItsAnswersAlone() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);
        service.answer(POLICE, "R-zj-1-1", "已立案侦查", null, identity(POLICE, "answer", "a-1", "{}"));

        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);

        assertThat(service.addressedTo(POLICE, null, null)).singleElement()
                .satisfies(v -> assertThat(v.request().answers()).hasSize(1));
    }

    @Test
    void auth05_aPayloadThatIsNoRequestIsRefusedForGood() {
        Map<String, Object> payload = new java.util.HashMap<>(AgencyRequestDelivery.payload(
                AgencyRequestTest.draft("R-1", AgencyRequestKind.REFERRAL, "zj-1", null)));
        payload.put("kind", "ARREST");

        assertThatThrownBy(() -> delivery.deliver("e1", payload)).isInstanceOf(OutboxDelivery.Refused.class)
                .hasMessageNotContaining("Exception");
        payload.put("kind", "REFERRAL");
        payload.put("reasons", List.of());
        assertThatThrownBy(() -> delivery.deliver("e1", payload)).isInstanceOf(OutboxDelivery.Refused.class)
                .hasMessageContaining("reasons must name at least one reason");
        assertThat(requests.find("R-1")).isEmpty();
    }

    @Test
    void auth05_eachAgencySeesOnlyWhatIsAddressedToIt() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);
        deliver("A-zj-1-BLOCK", AgencyRequestKind.BLOCK_WEBSITE, "zj-1", null);
        deliver("A-zj-1-LICENCE", AgencyRequestKind.CANCEL_LICENCE, "zj-1", null);

        assertThat(ids(service.addressedTo(POLICE, null, null))).containsExactly("R-zj-1-1");
        assertThat(ids(service.addressedTo(TELECOM, null, null))).containsExactlyInAnyOrder("A-zj-1-BLOCK",
                "A-zj-1-LICENCE");
        assertThat(ids(service.addressedTo(TELECOM, null, AgencyRequestKind.BLOCK_WEBSITE)))
                .containsExactly("A-zj-1-BLOCK");
        assertThat(service.addressedTo(agency("CENTRAL_BANK"), null, null)).isEmpty();
        assertThat(service.read(POLICE, "R-zj-1-1").request().institutionName()).isEqualTo("杭州钱塘易贷网络科技有限公司");

        // another agency's request does not exist for it, whatever it tries
        assertStatus(() -> service.read(TELECOM, "R-zj-1-1"), ProblemType.NOT_FOUND);
        assertStatus(() -> service.acknowledge(TELECOM, "R-zj-1-1", null, identity(TELECOM, "ack", null, "{}")),
                ProblemType.NOT_FOUND);
        assertStatus(() -> service.answer(TELECOM, "R-zj-1-1", "x", null, identity(TELECOM, "ans", null, "{}")),
                ProblemType.NOT_FOUND);
        assertThat(requests.find("R-zj-1-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void auth05_aCallerThatIsNotAPartnerAgencysClientIsRefused() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);
        Caller unknownAgency = new Caller("id-x", "service-account-x", Set.of(PlatformRole.AGENCY_PARTNER), null,
                "TAX_BUREAU");
        Caller officerOfAnAgency = new Caller("id-y", "y", Set.of(PlatformRole.PROVINCIAL_OFFICER), "33",
                "PUBLIC_SECURITY");

        for (Caller caller : List.of(ZHEJIANG, CENTRAL, unknownAgency, officerOfAnAgency)) {
            assertStatus(() -> service.addressedTo(caller, null, null), ProblemType.FORBIDDEN);
            assertStatus(() -> service.read(caller, "R-zj-1-1"), ProblemType.FORBIDDEN);
        }
    }

    @Test
    void auth05_acknowledgementsAndAnswersCountOncePerIdempotencyKeyAndAreAudited() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);
        String answer = "{\"text\":\"已立案侦查\",\"reference\":\"杭公立字2017-0091\"}";

        AgencyRequest.View acknowledged = service.acknowledge(POLICE, "R-zj-1-1", "杭公受字-1",
                identity(POLICE, "ACK", "ack-1", "{\"receiptNumber\":\"杭公受字-1\"}"));
        service.acknowledge(POLICE, "R-zj-1-1", "杭公受字-1",
                identity(POLICE, "ACK", "ack-1", "{\"receiptNumber\":\"杭公受字-1\"}"));
        service.answer(POLICE, "R-zj-1-1", "已立案侦查", "杭公立字2017-0091", identity(POLICE, "ANS", "a-1", answer));
        AgencyRequest.View retried = service.answer(POLICE, "R-zj-1-1", "已立案侦查", "杭公立字2017-0091",
                identity(POLICE, "ANS", "a-1", answer));
        assertStatus(() -> service.answer(POLICE, "R-zj-1-1", "另一条", null,
                identity(POLICE, "ANS", "a-1", "{\"text\":\"另一条\"}")), ProblemType.IDEMPOTENCY_KEY_REUSED);
        AgencyRequest.View second = service.answer(POLICE, "R-zj-1-1", "已移送检察院审查起诉", null,
                identity(POLICE, "ANS", "a-2", "{\"text\":\"已移送检察院审查起诉\"}"));

        assertThat(acknowledged.request().state()).isEqualTo(AgencyRequest.State.ACKNOWLEDGED);
        assertThat(acknowledged.request().acknowledged().at()).isEqualTo(CLOCK.instant());
        assertThat(retried.request().answers()).hasSize(1);
        assertThat(second.request().answers()).extracting(AgencyRequest.Answer::text)
                .containsExactly("已立案侦查", "已移送检察院审查起诉");
        assertThat(second.request().state()).isEqualTo(AgencyRequest.State.ANSWERED);
        // one clock instant for all three: the trail's order among them is not defined
        assertThat(audit.trailOf("agency-request", "R-zj-1-1")).extracting(AuditEntry::action).containsExactlyInAnyOrder(
                "ACKNOWLEDGE_AGENCY_REQUEST", "ANSWER_AGENCY_REQUEST", "ANSWER_AGENCY_REQUEST");
    }

    @Test
    void auth05_anInvalidAnswerDoesNotUseUpItsKey() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);

        assertThatThrownBy(() -> service.answer(POLICE, "R-zj-1-1", " ", null,
                identity(POLICE, "ANS", "a-1", "{\"text\":\" \"}")))
                .isInstanceOf(InvalidInputException.class);
        AgencyRequest.View corrected = service.answer(POLICE, "R-zj-1-1", "已立案侦查", null,
                identity(POLICE, "ANS", "a-1", "{\"text\":\"已立案侦查\"}"));

        assertThat(corrected.request().answers()).hasSize(1);
    }

    @Test
    void auth05_aChangeMadeMeanwhileIsAConflictNotALostUpdate() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);
        AgencyRequest read = requests.find("R-zj-1-1").orElseThrow();
        requests.replace(read, read.acknowledge(null, Actor.of(POLICE), CLOCK.instant()));

        assertStatus(() -> requests.replace(read, read.answer("k", "已处理", null, Actor.of(POLICE), CLOCK.instant())),
                ProblemType.CONFLICT);
    }

    @Test
    void auth02_regulatorsFollowAnInstitutionsRequestsWithinTheirScope() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", null);
        deliver("A-zj-1-BANK", AgencyRequestKind.STOP_BANK_SERVICES, "zj-1", null);

        for (Caller reader : List.of(CENTRAL, ZHEJIANG, GUANGDONG)) {
            assertThat(ids(service.ofInstitution(reader, "zj-1"))).containsExactlyInAnyOrder("R-zj-1-1",
                    "A-zj-1-BANK");
        }
        assertStatus(() -> service.ofInstitution(BEIJING, "zj-1"), ProblemType.NOT_FOUND);
        assertStatus(() -> service.ofInstitution(POLICE, "zj-1"), ProblemType.NOT_FOUND);
        assertStatus(() -> service.ofInstitution(CENTRAL, "unknown"), ProblemType.NOT_FOUND);
    }

    @Test
    void auth05_requestsNotAnsweredByTheirDueDateAreFlaggedToTheProvinceAndToCentral() {
        deliver("R-zj-1-1", AgencyRequestKind.REFERRAL, "zj-1", TODAY.minusDays(3));
        deliver("A-gd-1-LICENCE", AgencyRequestKind.CANCEL_LICENCE, "gd-1", TODAY.minusDays(1));
        deliver("A-bj-1-BANK", AgencyRequestKind.STOP_BANK_SERVICES, "bj-1", TODAY.minusDays(10));
        deliver("A-zj-1-DUE-TODAY", AgencyRequestKind.BLOCK_WEBSITE, "zj-1", TODAY);
        deliver("A-zj-1-NO-DATE", AgencyRequestKind.BUSINESS_REGISTRATION, "zj-1", null);
        deliver("A-gd-1-ANSWERED", AgencyRequestKind.BLOCK_WEBSITE, "gd-1", TODAY.minusDays(5));
        service.answer(TELECOM, "A-gd-1-ANSWERED", "网站已关闭", null, identity(TELECOM, "ANS", "t-1", "{}"));
        service.acknowledge(POLICE, "R-zj-1-1", null, identity(POLICE, "ACK", null, "{}"));

        assertThat(ids(service.overdue(CENTRAL))).containsExactly("A-bj-1-BANK", "R-zj-1-1", "A-gd-1-LICENCE");
        // Zhejiang: its own institution only (gd-1 has no branch there, bj-1 is Beijing's)
        assertThat(ids(service.overdue(ZHEJIANG))).containsExactly("R-zj-1-1");
        // Guangdong: its own institution and the one doing business there
        assertThat(ids(service.overdue(GUANGDONG))).containsExactly("R-zj-1-1", "A-gd-1-LICENCE");
        assertThat(ids(service.overdue(BEIJING))).containsExactly("A-bj-1-BANK");
        assertThat(service.overdue(POLICE)).isEmpty();
        assertThat(service.overdue(CENTRAL)).allMatch(AgencyRequest.View::overdue);
        assertThat(service.read(TELECOM, "A-zj-1-DUE-TODAY").overdue()).isFalse();
    }

    // -----------------------------------------------------------------------------------------------------------------

    private void deliver(String id, AgencyRequestKind kind, String institutionId, LocalDate dueOn) {
        delivery.deliver("entry-" + id, Map.copyOf(AgencyRequestDelivery.payload(
                AgencyRequestTest.draft(id, kind, institutionId, dueOn))));
    }

    private static List<String> ids(List<AgencyRequest.View> views) {
        return views.stream().map(v -> v.request().id()).toList();
    }

    private static RequestIdentity identity(Caller caller, String operation, String key, String body) {
        return RequestIdentity.of(caller, operation, key, body);
    }

    private static void assertStatus(Runnable act, ProblemType type) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problemType()).isEqualTo(type));
    }

    static Caller agency(String code) {
        return new Caller("id-" + code, "service-account-" + code, Set.of(PlatformRole.AGENCY_PARTNER), null, code);
    }

    static Caller officer(String province) {
        return new Caller("id-officer-" + province, "officer-" + province, Set.of(PlatformRole.PROVINCIAL_OFFICER),
                province, "FINANCIAL_OFFICE");
    }

    static InstitutionReference institution(String id, String province, String... business) {
        return new InstitutionReference(id, "9133" + id, "机构 " + id, province, List.of(business), "OPERATING",
                LocalDate.of(2014, 3, 1), LocalDate.of(2014, 6, 1), true, null, 1);
    }
}
