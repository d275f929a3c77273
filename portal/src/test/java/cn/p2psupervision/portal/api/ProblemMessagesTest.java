package cn.p2psupervision.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.web.WebConfiguration;

/** Every refusal of the API reads as a sentence, in the page's language, by its problem type (docs/api.md). */
class ProblemMessagesTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ProblemMessages messages = new ProblemMessages(WebConfiguration.portalMessages());

    @Test
    void auth02_notFoundAndOutOfScopeReadTheSame() {
        assertThat(messages.describe(problem("not-found", 404), CHINESE)).containsExactly("未找到该记录，或您无权查看。");
        assertThat(messages.describe(ApiProblem.ofStatus(404), CHINESE)).containsExactly("未找到该记录，或您无权查看。");
    }

    @Test
    void aRuleRefusalNamesTheRuleAndWhy() {
        ApiProblem refused = new ApiProblem("urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this",
                422, "lendingStartedOn precedes establishedOn", "REG-02", null, "r-1", List.of(), null, null);

        assertThat(messages.describe(refused, CHINESE))
                .containsExactly("该操作不符合监管规则 REG-02：lendingStartedOn precedes establishedOn");
        assertThat(messages.describe(new ApiProblem(refused.type(), null, 422, null, "REG-02", null, null, null, null,
                null), CHINESE)).containsExactly("该操作不符合监管规则 REG-02。");
    }

    @Test
    void aRuleTheMessagesExplainIsSaidInThePagesLanguageWithThePlatformsDetailAfter() {
        ApiProblem refused = new ApiProblem("urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this",
                422, "the notice has not run 14 full days", "ACC-08", null, "r-1", List.of(), null, null);

        assertThat(messages.describe(refused, CHINESE)).containsExactly(
                "该操作不符合监管规则 ACC-08：公示期须满 14 天后方可会签合格证明。", "平台说明：the notice has not run 14 full days");
        assertThat(messages.describe(new ApiProblem(refused.type(), null, 422, null, "AUTH-04", null, null, null, null,
                null), CHINESE)).containsExactly("该操作不符合监管规则 AUTH-04：须由注册地省级整治办负责同志办理，且审批人不能是决定的登记人。");
        assertThat(messages.describe(refused, Locale.ENGLISH)).first().asString().startsWith(
                "A regulatory rule refuses this, ACC-08: The public notice must have run 14 full days");
    }

    @Test
    void acc02_aGateRefusalListsEveryFailedGateInWordsWithTheServicesReason() {
        ApiProblem refused = new ApiProblem("urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this",
                422, "Opening an acceptance case is refused by gate ACC-02a", "ACC-02a", null, "r-1", List.of(), null,
                null, List.of(new ApiProblem.Gate("ACC-02a", "established on 2016-09-01, after 2016-08-24"),
                new ApiProblem.Gate("ACC-02x", "an unknown gate")), List.of(), List.of());

        assertThat(messages.describe(refused, CHINESE)).containsExactly(
                "该操作不符合监管规则 ACC-02a：须于 2016年8月24日前成立并开展网络借贷业务。",
                "平台说明：Opening an acceptance case is refused by gate ACC-02a",
                "未通过 ACC-02a（成立及开展业务时间）：established on 2016-09-01, after 2016-08-24",
                "未通过 ACC-02x：an unknown gate");
        assertThat(messages.describe(refused, Locale.ENGLISH)).contains(
                "Gate ACC-02a (established and lending by 24 Aug 2016) fails: established on 2016-09-01, after 2016-08-24");
    }

    @Test
    void acc04_acc16_aConclusionRefusalListsTheChecksAndTheProvincesStillToAnswer() {
        ApiProblem checks = new ApiProblem("urn:p2p-supervision:problem:rule-violation", null, 422, null, "ACC-04",
                null, null, null, null, null, null, List.of(new ApiProblem.Deficiency("LEDGER_SYSTEM", "账务系统",
                "FAILED")), null);
        ApiProblem opinions = new ApiProblem("urn:p2p-supervision:problem:rule-violation", null, 422, null, "ACC-16",
                null, null, null, null, null, null, null, List.of("44", "31"));

        assertThat(messages.describe(checks, CHINESE)).contains("检查事项“账务系统”：未通过");
        assertThat(messages.describe(checks, Locale.ENGLISH)).contains("Check “Ledger system”: failed");
        assertThat(messages.describe(opinions, CHINESE)).contains("尚未回复且未经豁免的经营地意见：广东、上海");
        assertThat(messages.describe(opinions, Locale.ENGLISH))
                .contains("Opinions neither answered nor waived: Guangdong, Shanghai");
    }

    @Test
    void aStaleVersionNamesTheCurrentOne() {
        ApiProblem stale = new ApiProblem("urn:p2p-supervision:problem:stale-version", "Stale", 412, null, null, null,
                "r-1", List.of(), null, 7L);

        assertThat(messages.describe(stale, CHINESE))
                .containsExactly("该记录在此期间已被他人修改，现为第 7 版。页面已显示最新内容，请核对后重新操作。");
    }

    @Test
    void aValidationRefusalListsEachField() {
        ApiProblem refused = new ApiProblem("urn:p2p-supervision:problem:validation-failed", "The request is not valid",
                400, "2 errors", null, null, "r-2", List.of(new ApiProblem.FieldError("size", "must be at most 200"),
                new ApiProblem.FieldError("asOf", "is not a month yyyy-MM")), null, null);

        assertThat(messages.describe(refused, CHINESE)).containsExactly("提交的内容不符合要求。",
                "“size”：must be at most 200", "“asOf”：is not a month yyyy-MM");
    }

    @Test
    void aServiceDownNamesTheServiceInWordsAndTheRequestIdToQuote() {
        ApiProblem down = new ApiProblem("urn:p2p-supervision:problem:service-unavailable", "A service is unavailable",
                503, "registry-service is unavailable", null, "registry-service", "req-42", List.of(), null, null);

        assertThat(messages.describe(down, CHINESE))
                .containsExactly("一户一档（机构档案）服务暂时无法访问，请稍后再试。", "如需协助，请提供请求编号 req-42。");
        assertThat(messages.describe(down, Locale.ENGLISH)).first()
                .isEqualTo("The institution registry service cannot be reached right now; please try again later.");
    }

    @Test
    void theRestByTheirTypeOrElseTheirStatus() {
        assertThat(messages.describe(problem("forbidden", 403), CHINESE)).containsExactly("您的角色无权进行此操作。");
        assertThat(messages.describe(problem("stale-version", 412), CHINESE))
                .containsExactly("该记录已被他人修改，请刷新后重新操作。");
        assertThat(messages.describe(problem("conflict", 409), CHINESE)).containsExactly("该操作与记录的当前状态冲突。");
        assertThat(messages.describe(new ApiProblem("urn:p2p-supervision:problem:too-many-requests", null, 429, null,
                "ACC-10", null, null, null, 60L, null), CHINESE)).containsExactly("操作过于频繁，请 60 秒后再试。");
        assertThat(messages.describe(problem("gateway-timeout", 504), CHINESE))
                .containsExactly("平台服务未能及时响应，请稍后再试。");
        assertThat(messages.describe(problem("something-new", 409), CHINESE)).containsExactly("该操作与记录的当前状态冲突。");
        assertThat(messages.describe(ApiProblem.ofStatus(418), CHINESE)).containsExactly("请求未能完成。");
        assertThat(messages.describe(ApiProblem.ofStatus(500), CHINESE)).containsExactly("平台处理请求时出错，请稍后再试。");
    }

    private static ApiProblem problem(String slug, int status) {
        return new ApiProblem("urn:p2p-supervision:problem:" + slug, "title", status, "detail", null, null, null,
                List.of(), null, null);
    }
}
