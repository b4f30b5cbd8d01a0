package org.accessledger.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/** Every error of the HTTP API as RFC 9457 problem+json carrying an AccessLedger error code. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    public ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.invalid(e.code(), e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return Problems.of(e.code(), e.getMessage());
    }

    @ExceptionHandler(ViewBehindException.class)
    public ResponseEntity<ProblemDetail> viewBehind(ViewBehindException e) {
        ProblemDetail problem = Problems.of(ErrorCode.VIEW_BEHIND, e.getMessage());
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds())).body(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail refusedCommand(CommandExecutionException e) {
        return RuleViolationException.violationOf(e).map(Problems::of).orElseGet(() -> unexpected(e));
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        return Problems.of(ErrorCode.INTERNAL_ERROR, "The request failed unexpectedly; nothing it asked for was done");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestSizeLimit.TooLarge.class)) {
            return handleExceptionInternal(e, Problems.of(ErrorCode.REQUEST_TOO_LARGE, e.getMostSpecificCause().getMessage()
                    + " (accessledger.max-request-size)"), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail problem = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? Problems.invalid(ErrorCode.INVALID_FIELD, List.of(JsonFieldProblems.of(mapping, "")))
                : Problems.of(ErrorCode.MALFORMED_REQUEST, "The body is not readable JSON: " + firstLine(e.getMostSpecificCause()));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** A query parameter the endpoint needs, named like any other missing field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.invalid(ErrorCode.INVALID_FIELD,
                List.of(new FieldProblem(e.getParameterName(), "required", "is a required query parameter (" + e.getParameterType() + ")")));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** A query parameter or path segment that is not of its type ({@code limit=many}), named with the type it needs. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String type = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        ProblemDetail problem = Problems.invalid(ErrorCode.INVALID_FIELD,
                List.of(new FieldProblem(name, "type", "must be " + (type.equals("int") || type.equals("long") ? "a whole number" : "a " + type)
                        + ", not \"" + e.getValue() + "\"")));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Adds an error code to the problems Spring MVC makes itself (unknown path, wrong method, wrong media type…). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", status.value() == 404 ? ErrorCode.NOT_FOUND.name() : ErrorCode.MALFORMED_REQUEST.name());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
