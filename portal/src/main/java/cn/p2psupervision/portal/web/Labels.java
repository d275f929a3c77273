package cn.p2psupervision.portal.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names of the API's codes in the page's language ({@code ${@labels.of('status', i.status)}}): statuses,
 * categories, provinces, … from the messages files ({@code status.OPERATING=正常经营}); a code without a name there
 * shows as itself, never as an error.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String group, Object code) {
        if (code == null) {
            return Formats.NONE;
        }
        return messages.getMessage(group + "." + code, null, code.toString(), LocaleContextHolder.getLocale());
    }

    /** A message of the page's language by its key. */
    public String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** A province's name by its GB/T 2260 code, e.g. {@code 33} → 浙江. */
    public String province(Object code) {
        return of("province", code);
    }

    /** Several provinces' names, listed as the language lists ({@code 广东、上海} / {@code Guangdong, Shanghai}). */
    public String provinces(List<String> codes) {
        String separator = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? ", " : "、";
        return codes.stream().map(this::province).collect(Collectors.joining(separator));
    }
}
