package cn.p2psupervision.platform.web.servlet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import cn.p2psupervision.platform.input.JsonInputProblems;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import cn.p2psupervision.platform.problem.RuleViolationException;

/**
 * Every error of a servlet service as an RFC 9457 problem with a stable type: never an HTML page, never a stack trace.
 */
@RestControllerAdvice
public class ServletProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServletProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException e) {
        return respond(e.toProblemDetail());
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> onRuleViolation(RuleViolationException e) {
        return respond(ProblemException.ruleViolation(e.rule(), e.getMessage()).toProblemDetail());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> onDuplicate(DuplicateKeyException e) {
        return respond(Problems.of(ProblemType.CONFLICT, "A record with the same identity already exists"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> onOptimisticLock(OptimisticLockingFailureException e) {
        return respond(Problems.of(ProblemType.PRECONDITION_FAILED,
                "The record changed while your update was applied; read it again and retry"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> onConstraintViolation(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> errors.put(String.valueOf(v.getPropertyPath()), v.getMessage()));
        return respond(validation("Some values are not valid", errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> onTypeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ServletProblems.invalid(new InvalidInputException(e.getName(),
                "must be " + JsonInputProblems.expected(e.getRequiredType()))));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> onInvalidInput(InvalidInputException e) {
        return respond(ServletProblems.invalid(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> onAccessDenied(AccessDeniedException e) {
        return respond(Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(Problems.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote the requestId"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return asObject(respond(validation("Some fields are not valid", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.putIfAbsent(r.getMethodParameter().getParameterName(), err.getDefaultMessage())));
        return asObject(respond(validation("Some parameters are not valid", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestInputFilter.BodyTooLargeException tooLarge) {
                return asObject(respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "A request body may have at most " + tooLarge.limit() / 1024 + " KiB")));
            }
        }
        if (e.getCause() instanceof JacksonException json) {
            return asObject(respond(ServletProblems.invalid(JsonInputProblems.of(json))));
        }
        return asObject(respond(validation("The request body is missing or is not JSON of the documented shape",
                Map.of())));
    }

    /** Framework exceptions (405, 406, 415, unknown path, ...) keep their status but get the platform's type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.forStatus(statusCode.value()),
                body instanceof ProblemDetail detail ? detail.getDetail() : null);
        problem.setStatus(statusCode.value());
        Problems.withoutJavaNames(problem);
        return new ResponseEntity<>(problem, withProblemType(headers), statusCode);
    }

    private static ProblemDetail validation(String detail, Map<String, String> errors) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION_FAILED, detail);
        if (!errors.isEmpty()) {
            List<Map<String, String>> list = errors.entrySet().stream()
                    .map(en -> Map.of("field", en.getKey(), "message", String.valueOf(en.getValue())))
                    .toList();
            problem.setProperty("errors", list);
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        Problems.withoutJavaNames(problem);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpHeaders withProblemType(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
