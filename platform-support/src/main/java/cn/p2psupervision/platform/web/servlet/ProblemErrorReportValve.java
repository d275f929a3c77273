package cn.p2psupervision.platform.web.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;

/**
 * Tomcat's own error answers — requests it refuses before any filter sees them: an encoded NUL or an unencoded
 * {@code [} in the request line, a malformed header — as problems instead of its HTML page. Errors that reach Spring
 * are answered by the platform's problem handler and pass through here untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = Problems.of(type, status < 500
                ? "The request is malformed: check the path, the query string and the headers"
                : "The service could not answer; quote the request id");
        problem.setStatus(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            java.io.Writer writer = response.getReporter();
            if (writer == null) {
                return; // the response can no longer take a body
            }
            writer.write(Problems.toJson(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}
