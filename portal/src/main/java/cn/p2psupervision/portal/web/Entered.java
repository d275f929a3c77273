package cn.p2psupervision.portal.web;

import org.springframework.util.MultiValueMap;

/**
 * What a user entered in a form or a query as the portal hands it on: blank is absent, so that the API names what is
 * missing in its own words, and the rest is stripped of surrounding space.
 */
public final class Entered {

    private Entered() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A whole number as a JSON integer; anything else as entered (blank: absent), for the service to refuse in its own
     * words, naming the field.
     */
    public static Object wholeNumber(String value) {
        String entered = text(value);
        if (entered == null) {
            return null;
        }
        try {
            return Integer.valueOf(entered);
        } catch (NumberFormatException notAWholeNumber) {
            return entered;
        }
    }

    /** The first value of a form's field, as {@link #text(String)}. */
    public static String field(MultiValueMap<String, String> form, String name) {
        return text(form.getFirst(name));
    }
}
