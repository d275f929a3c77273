package cn.p2psupervision.portal.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.PageOf;

/** What the incident client sends and reads of the monitoring thresholds and the read record (docs/api.md section 6). */
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
}
