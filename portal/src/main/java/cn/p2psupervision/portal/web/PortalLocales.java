package cn.p2psupervision.portal.web;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's two languages: Simplified Chinese unless the user asked for English ({@code ?lang=en}, remembered in
 * the {@value #COOKIE} cookie). The browser's {@code Accept-Language} is not consulted: the campaign's working language
 * is Chinese. Any other language asked for is Chinese.
 */
public final class PortalLocales extends CookieLocaleResolver {

    public static final String COOKIE = "portal-lang";
    public static final String PARAMETER = "lang";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    public PortalLocales(boolean secureCookie) {
        super(COOKIE);
        setDefaultLocale(CHINESE);
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setCookieSecure(secureCookie);
        setCookiePath("/");
    }

    /** English for any English locale, Simplified Chinese for everything else. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    /** Read when asked, not now: a {@code ?lang=} later in the same request changes it (the pages' formats). */
    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        LocaleContext asked = super.resolveLocaleContext(request);
        return () -> supported(asked.getLocale());
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(super.resolveLocale(request));
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        Locale asked = context == null ? null : context.getLocale();
        super.setLocaleContext(request, response, asked == null ? null : new SimpleLocaleContext(supported(asked)));
    }
}
