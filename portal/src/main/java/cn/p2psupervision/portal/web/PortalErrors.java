package cn.p2psupervision.portal.web;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A page whose data the API refused or could not give shows the error page with a readable message, never a stack
 * trace: a record absent or out of the user's scope is 404 "not found or no access" (the API does not tell them
 * apart, AUTH-02), a refusal keeps its status, and an API that cannot be reached is a 503 "try again later".
 */
@ControllerAdvice
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    private final ProblemMessages problems;

    PortalErrors(ProblemMessages problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblemException.class)
    ModelAndView refused(ApiProblemException refusal, Locale locale) {
        ApiProblem problem = refusal.problem();
        HttpStatus status = HttpStatus.resolve(problem.status());
        if (status == null || status.is5xxServerError()) {
            log.warn("The API failed: {} {} (request id {})", problem.status(), problem.slug(), problem.requestId());
            status = problem.status() == 504 ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        }
        return page(status, problems.describe(problem, locale));
    }

    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView unreachable(ResourceAccessException failure) {
        log.warn("The API cannot be reached: {}", failure.getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE, List.of());
    }

    /**
     * The user's tokens are gone or can no longer be refreshed (Keycloak's session ended, or the API refused the token
     * and it was dropped): the portal's session ends too, and the page is asked for again, which leads through the
     * login (then back to the page).
     */
    @ExceptionHandler(ClientAuthorizationException.class)
    String loginAgain(ClientAuthorizationException expired, HttpServletRequest request) {
        log.info("The user's tokens cannot be used any more ({}): logging in again", expired.getError().getErrorCode());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (!"GET".equals(request.getMethod())) {
            return "redirect:/";
        }
        String query = request.getQueryString();
        return "redirect:" + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** The {@code error} template, as Spring Boot's own error pages use it, with the problem's lines. */
    static ModelAndView page(HttpStatus status, List<String> lines) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("problemLines", lines);
        return page;
    }
}
