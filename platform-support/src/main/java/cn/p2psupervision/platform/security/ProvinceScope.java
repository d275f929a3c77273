package cn.p2psupervision.platform.security;

import java.util.Collection;
import java.util.Optional;

/**
 * The province-scope rule of AUTH-02 and AUTH-03, asked by every service the same way:
 * "may this caller read / write a record registered in province P with business provinces Q?"
 *
 * <ul>
 *   <li>central regulator: reads every record, writes none of the provinces' records (AUTH-03: central
 *       acts through its own central-level operations, it does not silently overwrite provincial records);</li>
 *   <li>provincial officer or head: writes records registered (注册地) in its province, reads records whose
 *       business places (经营地) include its province, sees nothing else;</li>
 *   <li>agency partner: nothing by default (AUTH-05; features open precise doors for it);</li>
 *   <li>internal service: nothing here; it works on {@code /internal/**} endpoints authorised by role alone.</li>
 * </ul>
 */
public final class ProvinceScope {

    private ProvinceScope() {
    }

    /** AUTH-02: the access a caller has to one record. */
    public static Access accessTo(Caller caller, String registeredProvince, Collection<String> businessProvinces) {
        if (caller.isProvincial()) {
            if (caller.province().equals(registeredProvince)) {
                return Access.WRITE;
            }
            if (businessProvinces != null && businessProvinces.contains(caller.province())) {
                return Access.READ;
            }
            return Access.NONE;
        }
        return caller.isCentral() ? Access.READ : Access.NONE;
    }

    /**
     * AUTH-02 as a query filter: which records a caller may list.
     * {@link ReadableRecords#all()} for central; registered-or-business province for a provincial user; nothing otherwise.
     */
    public static ReadableRecords readable(Caller caller) {
        if (caller.isProvincial()) {
            return new ReadableRecords(false, Optional.of(caller.province()));
        }
        return new ReadableRecords(caller.isCentral(), Optional.empty());
    }

    /**
     * @param all      the caller reads every record
     * @param province otherwise, records registered in or doing business in this province; if empty too, none
     */
    public record ReadableRecords(boolean all, Optional<String> province) {

        public boolean none() {
            return !all && province.isEmpty();
        }
    }
}
