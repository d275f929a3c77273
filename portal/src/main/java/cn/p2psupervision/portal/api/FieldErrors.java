package cn.p2psupervision.portal.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The members a {@code validation-failed} refusal names ({@code errors: [{field, message}]}), for showing each at its
 * form field: {@code ${fieldErrors.has('reason')}}. A field matches its member and the member's parts
 * ({@code banks} matches {@code banks[1]}, {@code milestones[2]} matches {@code milestones[2].dueOn}).
 */
public record FieldErrors(List<ApiProblem.FieldError> errors) {

    public static final FieldErrors NONE = new FieldErrors(List.of());

    public FieldErrors {
        errors = List.copyOf(errors);
    }

    public static FieldErrors of(ApiProblem problem) {
        return problem == null ? NONE : new FieldErrors(problem.errors());
    }

    public boolean has(String member) {
        return !of(member).isEmpty();
    }

    /** The messages about {@code member} and its parts. */
    public List<String> of(String member) {
        List<String> messages = new ArrayList<>();
        for (ApiProblem.FieldError error : errors) {
            String field = error.field();
            if (field != null && (field.equals(member) || field.startsWith(member + "[")
                    || field.startsWith(member + "."))) {
                messages.add(error.message());
            }
        }
        return messages;
    }

    /** Whether a message is about {@code member} itself, not one of its parts (a list as a whole: {@code items}). */
    public boolean hasExactly(String member) {
        return errors.stream().anyMatch(error -> member.equals(error.field()));
    }

    /** The messages about {@code member} itself, joined for one line. */
    public String textExactly(String member) {
        return String.join("; ", errors.stream().filter(error -> member.equals(error.field()))
                .map(ApiProblem.FieldError::message).toList());
    }

    /** The messages joined for one line at the field. */
    public String text(String member) {
        return String.join("; ", of(member));
    }
}
