package cn.p2psupervision.platform.web.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;

/** Problems of servlet services: the 400 of an invalid value, and writing a problem where no converter is at hand. */
public final class ServletProblems {

    private ServletProblems() {
    }

    /** 400 naming the member and what is wrong with it ({@code errors}), with the rule when one applies. */
    public static ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION_FAILED, e.describe());
        if (e.member() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.member(), "message", e.problem())));
        }
        if (e.rule() != null) {
            problem.setProperty("rule", e.rule());
        }
        return problem;
    }

    /** Writes {@code problem} as the whole response (filters, before Spring MVC). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.toJson(problem));
    }
}
