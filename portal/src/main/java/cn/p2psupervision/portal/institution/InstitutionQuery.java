package cn.p2psupervision.portal.institution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.web.Entered;

/**
 * A filtered page of the institution list, as the list's address says it ({@code /institutions?province=33&page=1})
 * and as the registry takes it; blank filters are none. {@code controller} is an actual controller's credit code or
 * identity number (REG-04): the institutions it controls in every province the user may read.
 */
public record InstitutionQuery(String province, String status, Boolean crossRegion, String namePrefix,
                               String controller, int page) {

    public static final int PAGE_SIZE = 20;

    public InstitutionQuery {
        province = Entered.text(province);
        status = Entered.text(status);
        namePrefix = Entered.text(namePrefix);
        controller = Entered.text(controller);
        page = Math.max(page, 0);
    }

    /**
     * The portal's address of this query, ready for a page number ({@code /institutions?province=33&page=}), every
     * value encoded whole.
     */
    public String pageUrlPrefix(String path) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("province", province);
        values.put("status", status);
        values.put("crossRegion", crossRegion);
        values.put("namePrefix", namePrefix);
        values.put("controller", controller);
        values.values().removeIf(Objects::isNull);
        values.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
        String base = url.encode().buildAndExpand(values).toUriString();
        return base + (values.isEmpty() ? "?" : "&") + "page=";
    }

}
