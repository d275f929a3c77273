package cn.p2psupervision.portal.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withNoContent;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.PageOf;

/**
 * What the incident client sends and reads of the monitoring thresholds, the read record, the signals, the zombies,
 * the alerts and the board (docs/api.md section 6), against the services' JSON.
 */
class IncidentApiTest {

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway");
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final IncidentApi api = new IncidentApi(builder.build());

    @Test
    void inc11_aThresholdChangeSendsThePercentagesTheReasonAndTheVersionAsIfMatch() {
        server.expect(requestTo("http://gateway/api/v1/incidents/monitoring-thresholds"))
                .andExpect(method(HttpMethod.PUT)).andExpect(header("If-Match", "\"1\""))
                .andExpect(content().json("""
                        {"overdueRateMax":"8.50","balanceFallMaxPercent":"25.00","lendersFallMaxPercent":"20.00",
                         "reason":"收紧监测"}"""))
                .andRespond(withSuccess("""
                        {"version":2,"overdueRateMax":8.50,"balanceFallMaxPercent":25.00,"lendersFallMaxPercent":20.00,
                         "changedBy":"central","changedAt":"2018-03-01T01:00:00Z","reason":"收紧监测"}""",
                        MediaType.APPLICATION_JSON));

        Watch.MonitoringThresholds changed = api.changeMonitoringThresholds(
                new IncidentApi.MonitoringChange("8.50", "25.00", "20.00", "收紧监测"), 1);

        server.verify();
        assertThat(changed.overdueRateMax()).isEqualByComparingTo("8.5");
    }

    @Test
    void auth07_theReadRecordIsAskedWithTheFiltersGivenEncodedWhole() {
        // the offset's "+" must arrive as a plus, not as a space

        server.expect(requestTo("http://gateway/api/v1/incidents/read-audit?eventId=EV-1&username=a%26b"
                        + "&from=2018-03-01T00%3A00%3A00%2B08%3A00&page=0&size=50"))
                .andRespond(withSuccess("""
                        {"content":[{"at":"2018-03-01T02:30:00Z","username":"gd-officer","roles":["provincial-officer"],
                          "province":"44","agency":null,"action":"READ_EVENT","eventIds":["EV-1"],"signalIds":[],
                          "institutionIds":[],"alertIds":[]}],"page":0,"size":50,"totalElements":1}""",
                        MediaType.APPLICATION_JSON));

        PageOf<Watch.Read> reads = api.reads(new IncidentApi.ReadFilter("EV-1", null, "a&b",
                "2018-03-01T00:00:00+08:00", null), 0);

        server.verify();
        assertThat(reads.content()).singleElement().satisfies(r -> assertThat(r.action()).isEqualTo("READ_EVENT"));
    }

    @Test
    void inc01_theSignalsAreAskedByInstitutionAndLinkedAndReadWithTheirEvent() {
        server.expect(requestTo("http://gateway/api/v1/incidents/signals?institutionId=id-1&linked=false&page=0&size=20"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        {"content":[{"id":"SG-20180301-7KQ2M9XA","type":"OVERDUE_OR_RUN","institutionIds":["id-1"],
                          "source":"媒体报道","observedAt":"2018-03-01T00:30:00Z","description":"平台自2月底起限制提现",
                          "recordedBy":{"username":"zj-officer","province":"33","agency":null,"roles":["provincial-officer"]},
                          "recordedAt":"2018-03-01T01:00:00Z","agency":null,"alertId":null,"eventId":null}],
                         "page":0,"size":20,"totalElements":1}""", MediaType.APPLICATION_JSON));

        PageOf<Signals.Signal> signals = api.signals(false, "id-1", 0);

        server.verify();
        assertThat(signals.content()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("OVERDUE_OR_RUN");
            assertThat(s.recordedBy().username()).isEqualTo("zj-officer");
        });
    }

    @Test
    void inc01_aSignalIsRecordedWithItsOffsetAndLinkedToAnEventWithTheEventsVersion() {
        server.expect(requestTo("http://gateway/api/v1/incidents/signals")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"type":"OVERDUE_OR_RUN","institutionIds":["id-1"],"source":"媒体报道",
                         "observedAt":"2018-03-01T08:30:00+08:00","description":"限制提现"}""", true))
                .andRespond(withSuccess("""
                        {"id":"SG-1","type":"OVERDUE_OR_RUN","institutionIds":["id-1"],"eventId":null}""",
                        MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway/api/v1/incidents/events/EV-1/signals"))
                .andExpect(method(HttpMethod.POST)).andExpect(header("If-Match", "\"2\""))
                .andExpect(content().json("""
                        {"signalIds":["SG-1"]}""", true))
                .andRespond(withSuccess("""
                        {"id":"EV-1","signalIds":["SG-1"],"status":"OPEN","watcherMissing":false,"overdue":false,
                         "version":3}""", MediaType.APPLICATION_JSON));

        Signals.Signal recorded = api.recordSignal(new Signals.Draft("OVERDUE_OR_RUN", List.of("id-1"), "媒体报道",
                "2018-03-01T08:30:00+08:00", "限制提现"));
        Events.Event linked = api.act(HttpMethod.POST, "signals", new EventActsController.SignalsBody(List.of("SG-1")),
                2, "EV-1");

        server.verify();
        assertThat(recorded.id()).isEqualTo("SG-1");
        assertThat(linked.signalIds()).containsExactly("SG-1");
        assertThat(linked.version()).isEqualTo(3);
    }

    @Test
    void inc10_theZombiesAreReadWithTheirReasonsAndAClosureIsRecordedAndWithdrawn() {
        server.expect(requestTo("http://gateway/api/v1/incidents/zombies?province=33&page=0&size=20"))
                .andRespond(withSuccess("""
                        {"content":[{"institutionId":"id-1","creditCode":"91330100MA28A7K3X6","name":"某平台",
                          "registeredProvince":"33","businessProvinces":["44"],"status":"OPERATING",
                          "reasons":[{"rule":"BALANCE_ZERO","months":["2017-11","2017-12","2018-01","2018-02"],
                            "observedOn":null,"evidence":null},
                           {"rule":"BIDDING_CLOSED","months":null,"observedOn":"2018-02-27","evidence":"投标入口已关闭"}],
                          "latestPeriod":"2018-02","detectedAt":"2018-03-01T01:00:00Z"}],
                         "page":0,"size":20,"totalElements":1}""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway/api/v1/incidents/zombies/bidding-closures"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"institutionId":"id-1","observedOn":"2018-02-27","evidence":"投标入口已关闭"}""", true))
                .andRespond(withSuccess("""
                        {"institutionId":"id-1","observedOn":"2018-02-27","evidence":"投标入口已关闭",
                         "recordedBy":"zj-officer","recordedAt":"2018-03-01T01:00:00Z"}""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway/api/v1/incidents/zombies/bidding-closures/id-1/withdrawal"))
                .andExpect(method(HttpMethod.POST)).andExpect(content().json("""
                        {"reason":"已恢复发标"}""", true))
                .andRespond(withNoContent());

        PageOf<WatchList.Zombie> zombies = api.zombies("33", 0);
        WatchList.Closure closure = api.recordBiddingClosure(new WatchList.ClosureDraft("id-1", "2018-02-27",
                "投标入口已关闭"));
        api.withdrawBiddingClosure("id-1", "已恢复发标");

        server.verify();
        assertThat(zombies.content()).singleElement().satisfies(z -> {
            assertThat(z.biddingClosed()).isTrue();
            assertThat(z.reasons().get(0).firstMonth()).isEqualTo("2017-11");
            assertThat(z.reasons().get(0).lastMonth()).isEqualTo("2018-02");
            assertThat(z.reasons().get(1).months()).isEmpty();
        });
        assertThat(closure.recordedBy()).isEqualTo("zj-officer");
    }

    @Test
    void inc11_theAlertsAreReadWithTheirPercentagesAsStringsAndOneIsTurnedIntoASignal() {
        server.expect(requestTo("http://gateway/api/v1/incidents/alerts?state=OPEN&page=0&size=20"))
                .andRespond(withSuccess("""
                        {"content":[{"id":"id-1:2018-02:BALANCE_FALL","institutionId":"id-1","name":"某平台",
                          "creditCode":"9133","registeredProvince":"33","period":"2018-02","metric":"BALANCE_FALL",
                          "threshold":"30.00","value":"40.00","figures":[{"period":"2018-01","loanBalance":"1000000.00",
                          "lenders":5000,"borrowers":800,"newLending":null,"overdueRate":null},{"period":"2018-02",
                          "loanBalance":600000.00,"lenders":4800,"borrowers":700,"newLending":"0.00","overdueRate":"2.10"}],
                          "raisedAt":"2018-03-01T01:00:00Z","state":"OPEN","signalId":null,"stateChangedBy":null,
                          "stateChangedAt":null,"reason":null,"version":1}],"page":0,"size":20,"totalElements":1}""",
                        MediaType.APPLICATION_JSON));
        // the alert's id travels as one path segment, its colons encoded (the service reads them back)
        server.expect(requestTo("http://gateway/api/v1/incidents/alerts/id-1%3A2018-02%3ABALANCE_FALL/signal"))
                .andExpect(method(HttpMethod.POST)).andExpect(content().json("""
                        {"type":"OVERDUE_OR_RUN","note":"电话核实"}""", true))
                .andRespond(withSuccess("""
                        {"id":"SG-2","type":"OVERDUE_OR_RUN","institutionIds":["id-1"],"alertId":"id-1:2018-02:BALANCE_FALL"}""",
                        MediaType.APPLICATION_JSON));

        PageOf<WatchList.Alert> alerts = api.alerts("OPEN", 0);
        Signals.Signal signal = api.alertToSignal("id-1:2018-02:BALANCE_FALL", "OVERDUE_OR_RUN", "电话核实");

        server.verify();
        assertThat(alerts.content()).singleElement().satisfies(a -> {
            assertThat(a.threshold()).isEqualByComparingTo("30");
            assertThat(a.value()).isEqualByComparingTo("40");
            assertThat(a.figures()).hasSize(2);
            assertThat(a.figures().get(0).overdueRate()).isNull();
            assertThat(a.open()).isTrue();
        });
        assertThat(signal.alertId()).isEqualTo("id-1:2018-02:BALANCE_FALL");
    }

    @Test
    void inc06_theBoardAndTheBreachesAreReadAsTheServiceWritesThem() {
        server.expect(requestTo("http://gateway/api/v1/incidents/board")).andRespond(withSuccess("""
                {"at":"2018-03-01T03:01:00Z","openEspeciallyMajor":1,
                 "overdue":[{"eventId":"EV-1","institutionId":"id-1","institutionName":"某平台","registeredProvince":"33",
                   "title":"逾期兑付","kind":"NOTIFICATION","kindChinese":"2小时内报告","sequence":0,
                   "dueAt":"2018-03-01T03:00:00Z","overdueMinutes":1}],
                 "provinces":[{"province":"33","openEspeciallyMajor":1,"overdueNow":1,"breachesRecorded":0}],
                 "watcherMissing":[]}""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway/api/v1/incidents/breaches")).andRespond(withSuccess("""
                [{"eventId":"EV-1","institutionId":"id-1","institutionName":"某平台","registeredProvince":"33",
                  "kind":"NOTIFICATION","kindChinese":"2小时内报告","sequence":0,"dueAt":"2018-03-01T03:00:00Z",
                  "recordedAt":"2018-03-01T03:00:15Z"}]""", MediaType.APPLICATION_JSON));

        Deadlines.Board board = api.board();
        List<Deadlines.Breach> breaches = api.breaches();

        server.verify();
        assertThat(board.overdue()).singleElement().satisfies(o -> assertThat(o.overdueMinutes()).isEqualTo(1));
        assertThat(board.provinces()).singleElement().satisfies(p -> assertThat(p.overdueNow()).isEqualTo(1));
        assertThat(breaches).singleElement().satisfies(b -> assertThat(b.kind()).isEqualTo("NOTIFICATION"));
    }
}
