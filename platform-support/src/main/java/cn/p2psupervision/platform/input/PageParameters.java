package cn.p2psupervision.platform.input;

import java.util.Map;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * Paging and sorting of every list (query parameters {@code page}, {@code size}, {@code sort}), checked once for the
 * whole platform: {@code page} from 0, {@code size} from 1 to the list's maximum, and no page beyond the first
 * {@value #MAX_OFFSET} records (a larger {@code page × size} would overflow the store's skip and silently answer the
 * first page).
 *
 * @param page      zero-based page index
 * @param size      records per page
 * @param sortField the store field to sort by
 * @param ascending sort direction
 */
public record PageParameters(int page, int size, String sortField, boolean ascending) {

    /** Records a list reaches at most through paging; narrow the filter to see beyond. */
    public static final long MAX_OFFSET = 1_000_000;

    /**
     * @param sortable the API's sort keys mapped to store fields; {@code sort} is {@code key} or {@code key,asc|desc}
     */
    public static PageParameters of(int page, int size, int maxSize, String sort, Map<String, String> sortable,
                                    String defaultSort) {
        checkPaging(page, size, maxSize);
        String written = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = written.split(",", -1);
        String field = sortable.get(parts[0].strip());
        if (field == null || parts.length > 2) {
            throw new InvalidInputException("sort", "must be one of " + sortable.keySet().stream().sorted().toList()
                    + ", optionally followed by ',asc' or ',desc'");
        }
        boolean ascending = true;
        if (parts.length == 2) {
            String direction = parts[1].strip().toLowerCase(java.util.Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new InvalidInputException("sort", "direction must be 'asc' or 'desc'");
            }
            ascending = direction.equals("asc");
        }
        return new PageParameters(page, size, field, ascending);
    }

    /** Paging only, for lists in a fixed order ({@code sortField} null). */
    public static PageParameters of(int page, int size, int maxSize) {
        checkPaging(page, size, maxSize);
        return new PageParameters(page, size, null, true);
    }

    private static void checkPaging(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException("size", "must be between 1 and " + maxSize);
        }
        if ((long) page * size >= MAX_OFFSET) {
            throw new InvalidInputException("page", "reaches beyond the first " + MAX_OFFSET
                    + " records (page × size); narrow the filter instead");
        }
    }

    /** The number of records before this page; bounded by {@link #MAX_OFFSET}. */
    public int offset() {
        return page * size;
    }
}
