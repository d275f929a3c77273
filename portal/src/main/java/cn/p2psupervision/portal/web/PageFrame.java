package cn.p2psupervision.portal.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.security.PortalUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What every page's frame needs, whichever way the page was made (a controller, an exception handler, the servlet
 * container's error page): who is logged in ({@code ${@frame.user()}}) and this page in the other language
 * ({@code ${@frame.languageUrl('en')}}).
 */
@Component("frame")
public class PageFrame {

    /** The logged-in user, or null for a visitor. */
    public PortalUser user() {
        return PortalUser.of(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * This page (path and query, relative to the portal) with {@code lang} set; on an error page, the page that
     * failed (the servlet container forwards errors to {@code /error}).
     */
    public String languageUrl(String language) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/?" + PortalLocales.PARAMETER + "=" + language;
        }
        return withLanguage(attributes.getRequest(), language);
    }

    static String withLanguage(HttpServletRequest request, String language) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed != null ? failed.toString() : request.getRequestURI();
        String query = failed != null ? null : request.getQueryString();
        return UriComponentsBuilder.fromUriString(path + (query == null ? "" : "?" + query))
                .replaceQueryParam(PortalLocales.PARAMETER, language).build().toUriString();
    }
}
