package cn.p2psupervision.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.TestCaller;

/** REG-05: the central base list in bulk — idempotent by credit code, conflicts with provincial facts, per-row errors. */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class ImportApiTest {

    private static final String HEADER = "creditCode,name,registeredProvince,registeredCapital,establishedOn,"
            + "shareholders,actualControllers,branches,source,asOf\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void reg05_importCreatesFilesAndReportsEachBadRowWithoutBlockingGoodOnes() throws Exception {
        String a = TestCodes.next("91330100");
        String b = TestCodes.next("91440300");
        String csv = HEADER
                + a + ",Alpha Lending,33,10000000.00,2014-05-01,Zhang San|PERSON|60|330106198001011234;Beta Holding|ENTITY|40|,"
                + "Zhang San|PERSON|330106198001011234,\"Hangzhou, West Lake|33|Hangzhou|Road 1;Shenzhen office|44|Shenzhen|Road 2\","
                + "INDUSTRY_DATABASE,2016-05-01\n"
                + "91330100MA28XXXXX1,Bad Code Lending,33,,,,,,,\n"
                + b + ",Gamma Lending,44,,2014-01-01,One|PERSON|70|;Two|PERSON|50|,,,,\n"
                + TestCodes.next("91110000") + ",Delta Lending,11,,2030-01-01,,,,,\n";

        JsonNode job = importAndWait(csv, "text/csv");

        assertThat(job.get("state").asString()).isEqualTo("DONE");
        assertThat(job.get("rows").asLong()).isEqualTo(4);
        assertThat(job.get("counts").get("CREATED").asLong()).isEqualTo(1);
        assertThat(job.get("counts").get("REJECTED").asLong()).isEqualTo(3);
        JsonNode rejected = body(mvc.perform(get("/api/v1/registry/imports/" + job.get("id").asString()
                + "/rows?outcome=REJECTED").with(TestCaller.CENTRAL.auth())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(rejected.valueStream().map(r -> r.get("row").asLong()).toList()).containsExactly(2L, 3L, 4L);
        assertThat(rejected.get(0).get("reasons").get(0).asString()).contains("check character");
        assertThat(rejected.get(1).get("reasons").get(0).asString()).contains("REG-02").contains("100");
        assertThat(rejected.get(2).get("reasons").get(0).asString()).contains("future");

        JsonNode file = body(mvc.perform(get("/api/v1/registry/institutions/" + a).with(TestCaller.CENTRAL.auth()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(file.get("crossRegion").asBoolean()).isTrue();
        assertThat(file.get("branches").get(0).get("name").asString()).isEqualTo("Hangzhou, West Lake");
        assertThat(file.get("shareholders").get(1).get("type").asString()).isEqualTo("ENTITY");
        assertThat(file.get("provenance").get("name").get("source").asString()).isEqualTo("INDUSTRY_DATABASE");
    }

    @Test
    void reg05_reimportingTheSameFileCreatesNoNewVersions() throws Exception {
        String code = TestCodes.next("91330100");
        String csv = HEADER + code + ",Idempotent Lending,33,5000000.00,2015-01-01,,,,,\n";
        importAndWait(csv, "text/csv");

        JsonNode again = importAndWait(csv, "text/csv");

        assertThat(again.get("counts").get("UNCHANGED").asLong()).isEqualTo(1);
        assertThat(again.get("counts").has("CREATED")).isFalse();
        assertThat(history(code)).hasSize(1);
    }

    @Test
    void reg05_importNeverOverwritesAFactTheProvinceEdited() throws Exception {
        String code = TestCodes.next("91330100");
        importAndWait(HEADER + code + ",Original Name,33,5000000.00,2015-01-01,,,,,\n", "text/csv");
        mvc.perform(patch("/api/v1/registry/institutions/" + code).with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                        .content("{\"name\":\"Name Verified By Zhejiang\",\"reason\":\"business registration check\"}"))
                .andExpect(status().isOk());

        JsonNode conflicting = importAndWait(HEADER + code + ",Central Name,33,9000000.00,2015-01-01,,,,,\n", "text/csv");
        JsonNode centralOnly = importAndWait(HEADER + code + ",,33,9000000.00,,,,,,\n", "text/csv");

        assertThat(conflicting.get("counts").get("CONFLICT").asLong()).isEqualTo(1);
        JsonNode rows = body(mvc.perform(get("/api/v1/registry/imports/" + conflicting.get("id").asString() + "/rows")
                .with(TestCaller.CENTRAL.auth())).andReturn().getResponse().getContentAsString());
        assertThat(rows.get(0).get("outcome").asString()).isEqualTo("CONFLICT");
        assertThat(rows.get(0).get("reasons").toString()).contains("name");
        assertThat(centralOnly.get("counts").get("UPDATED").asLong()).as("a central fact may still change").isEqualTo(1);
        JsonNode file = body(mvc.perform(get("/api/v1/registry/institutions/" + code).with(TestCaller.CENTRAL.auth()))
                .andReturn().getResponse().getContentAsString());
        assertThat(file.get("name").asString()).isEqualTo("Name Verified By Zhejiang");
        assertThat(file.get("registeredCapital").asString()).isEqualTo("9000000.00");
        assertThat(history(code)).hasSize(3);
    }

    @Test
    void reg05_jsonArraysImportLikeCsvAndReportsToo() throws Exception {
        String code = TestCodes.next("91310000");
        String institutions = "[{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"31\",\"name\":\"Json Lending\","
                + "\"registeredCapital\":\"1000000.00\",\"source\":\"SELF_REGULATORY_ORGANISATION\"}]";
        assertThat(importAndWait(institutions, "application/json").get("counts").get("CREATED").asLong()).isEqualTo(1);

        String reports = "creditCode,period,loanBalance,lenders,borrowers,newLending,overdueAmount,overdueRate,source\n"
                + code + ",2017-04,1200000.00,300,120,200000.00,1000.00,0.50,THIRD_PARTY_STATISTICS\n"
                + code + ",2017-05,1300000.00,320,130,210000.00,,,\n"
                + code + ",2017-13,1.00,1,1,1.00,,,\n";
        JsonNode job = importAndWait(reports, "text/csv", "REPORTS");

        assertThat(job.get("counts").get("CREATED").asLong()).isEqualTo(2);
        assertThat(job.get("counts").get("REJECTED").asLong()).isEqualTo(1);
        assertThat(importAndWait(reports, "text/csv", "REPORTS").get("counts").get("UNCHANGED").asLong()).isEqualTo(2);
    }

    @Test
    void reg05_onlyCentralImports() throws Exception {
        mvc.perform(post("/api/v1/registry/imports").with(TestCaller.ZJ_OFFICER.auth()).contentType("text/csv")
                .content(HEADER)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/registry/imports").with(TestCaller.AGENCY.auth()).contentType("text/csv")
                .content(HEADER)).andExpect(status().isForbidden());
    }

    @Test
    void reg05_anUnknownColumnOrAnUnreadableJsonFileIsRefusedAtUploadBeforeAnyRow() throws Exception {
        mvc.perform(post("/api/v1/registry/imports").with(TestCaller.CENTRAL.auth()).contentType("text/csv")
                        .content("creditCode,colour\n" + TestCodes.next("91330100") + ",red\n"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("colour")));

        mvc.perform(post("/api/v1/registry/imports").with(TestCaller.CENTRAL.auth()).contentType("application/json")
                        .content("[{\"creditCode\": oops"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                        .value("file"));
    }

    @Test
    void reg05_anInScopeCellOtherThanTrueOrFalseRejectsTheRow() throws Exception {
        String csv = "creditCode,name,registeredProvince,inScope\n" + TestCodes.next("91330100") + ",Maybe Lending,33,yes\n";

        JsonNode job = importAndWait(csv, "text/csv");

        assertThat(job.get("state").asString()).isEqualTo("DONE");
        assertThat(job.get("counts").get("REJECTED").asLong()).isEqualTo(1);
    }

    private List<JsonNode> history(String code) throws Exception {
        return body(mvc.perform(get("/api/v1/registry/institutions/" + code + "/history").with(TestCaller.CENTRAL.auth()))
                .andReturn().getResponse().getContentAsString()).valueStream().toList();
    }

    private JsonNode importAndWait(String content, String type) throws Exception {
        return importAndWait(content, type, "INSTITUTIONS");
    }

    private JsonNode importAndWait(String content, String type, String kind) throws Exception {
        var response = mvc.perform(post("/api/v1/registry/imports?kind=" + kind).with(TestCaller.CENTRAL.auth())
                .contentType(type).content(content)).andExpect(status().isAccepted()).andReturn().getResponse();
        String location = response.getHeader("Location");
        assertThat(location).startsWith("/api/v1/registry/imports/");
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            job[0] = body(mvc.perform(get(location).with(TestCaller.CENTRAL.auth())).andReturn().getResponse()
                    .getContentAsString());
            String state = job[0].get("state").asString();
            return state.equals("DONE") || state.equals("FAILED");
        });
        return job[0];
    }

    private JsonNode body(String content) {
        return json.readTree(content);
    }
}
