package cn.p2psupervision.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The servlet container's own errors (here a page that does not exist) show the portal's error page, readable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPageTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aMissingPageIsTheReadableNotFoundPageNeverAStackTrace() throws Exception {
        HttpResponse<String> response = get("/public/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(response.body()).contains("无法显示此页面", "未找到该页面或记录，或您无权查看。", "错误代码 404",
                "href=\"/public/no-such-page?lang=en\"").doesNotContain("Exception", "Whitelabel", "trace");
    }

    @Test
    void inEnglishToo() throws Exception {
        HttpResponse<String> response = get("/public/no-such-page?lang=en");

        assertThat(response.body()).contains("Not found, or you have no access to it.");
    }

    private HttpResponse<String> get(String path) throws Exception {
        // as a browser asks for a page
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
