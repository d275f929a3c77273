package cn.p2psupervision.portal.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A page of a list as the API answers it ({@code content, page, size, totalElements}; some lists add
 * {@code totalPages}, the others get it computed here).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageOf<T>(List<T> content, int page, int size, long totalElements) {

    public PageOf {
        content = content == null ? List.of() : List.copyOf(content);
    }

    public int totalPages() {
        return size <= 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean isEmpty() {
        return content.isEmpty();
    }

    /** 1-based number of the first entry on this page (0 when empty), for "第 21–40 条，共 57 条". */
    public long firstNumber() {
        return content.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastNumber() {
        return content.isEmpty() ? 0 : (long) page * size + content.size();
    }
}
