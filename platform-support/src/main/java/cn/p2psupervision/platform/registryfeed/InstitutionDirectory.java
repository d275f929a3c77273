package cn.p2psupervision.platform.registryfeed;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Access;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.ProvinceScope;

/**
 * What a context's code asks about institutions, answered from its own projection of the registry (issue 7), never
 * from the registry's database: the institution itself, and the AUTH-02 decision for records about it.
 *
 * <p>An institution registered in the last moments may not be here yet (the projection follows the registry within a
 * poll or two); until then it counts as unknown, and records about it are out of everyone's scope.
 *
 * <p>Lists ask {@link #readable(Caller)}: the ids of the institutions registered in or doing business in a province,
 * from an index of the projection kept in memory. The index is rebuilt (one pass over the projection) when the
 * projection's generation ({@code registry_feed_cursor}) shows that a reference was stored since it was built, so every
 * replica follows the projection within one read of the cursor document, whichever replica polls.
 */
public class InstitutionDirectory {

    private final InstitutionReferences references;
    private volatile ProvinceIndex index = new ProvinceIndex(Long.MIN_VALUE, Map.of());

    public InstitutionDirectory(InstitutionReferences references) {
        this.references = references;
    }

    public Optional<InstitutionReference> find(String institutionId) {
        return references.find(institutionId);
    }

    /** The institutions of {@code ids} known here, by id (those not known left out). */
    public Map<String, InstitutionReference> findAll(Collection<String> ids) {
        return references.findAll(ids);
    }

    /** @see InstitutionReferences#ids() */
    public List<String> ids() {
        return references.ids();
    }

    /**
     * AUTH-02/03 ({@link ProvinceScope}): central reads the records of every institution; a provincial officer or head
     * writes those of institutions registered in its province and reads those of institutions doing business there;
     * agencies, the internal service and anyone else get none, as they do for an unknown institution.
     */
    public Access accessTo(Caller caller, String institutionId) {
        return find(institutionId)
                .map(institution -> accessTo(caller, institution))
                .orElse(Access.NONE);
    }

    /** AUTH-02 for a reference already read. */
    public static Access accessTo(Caller caller, InstitutionReference institution) {
        return ProvinceScope.accessTo(caller, institution.registeredProvince(), institution.businessProvinces());
    }

    /** AUTH-02: whether the caller may read records about the institution. */
    public boolean mayRead(Caller caller, String institutionId) {
        return accessTo(caller, institutionId).canRead();
    }

    /**
     * The institution, for a caller about to read records about it: 404 when it is unknown or out of the caller's
     * scope (the same answer, so that existence is not revealed, AUTH-02).
     */
    public InstitutionReference readableBy(Caller caller, String institutionId) {
        InstitutionReference institution = find(institutionId).orElse(null);
        if (institution == null || !accessTo(caller, institution).canRead()) {
            throw ProblemException.notFound("Institution", institutionId);
        }
        return institution;
    }

    /**
     * The institution, for a caller about to write records about it: 404 as in {@link #readableBy}; 403 when the
     * caller may read but not write them (central, AUTH-03; a business-place province, AUTH-02).
     */
    public InstitutionReference writableBy(Caller caller, String institutionId) {
        InstitutionReference institution = readableBy(caller, institutionId);
        if (!accessTo(caller, institution).canWrite()) {
            throw ProblemException.forbidden(caller.isCentral()
                    ? "Central reads provincial records but does not write them (AUTH-03)"
                    : "Only the province where institution " + institutionId + " is registered writes its records"
                            + " (AUTH-02)");
        }
        return institution;
    }

    /** AUTH-02 as a list filter: every institution for central, a province's for its officers, none for others. */
    public Readable readable(Caller caller) {
        ProvinceScope.ReadableRecords records = ProvinceScope.readable(caller);
        if (records.all()) {
            return Readable.ALL;
        }
        return records.province().map(province -> new Readable(false, current().of(province)))
                .orElse(Readable.NONE);
    }

    /** The ids of the institutions registered in {@code province} (for its lists and statistics). */
    public Set<String> registeredIn(String province) {
        return current().registered.getOrDefault(province, Set.of());
    }

    private ProvinceIndex current() {
        long seq = references.generation();
        ProvinceIndex known = index;
        if (known.seq == seq) {
            return known;
        }
        synchronized (this) {
            if (index.seq != seq) {
                index = ProvinceIndex.build(seq, references.provincesOfAll());
            }
            return index;
        }
    }

    /**
     * @param all every institution (central)
     * @param ids otherwise, these institutions only (none when empty)
     */
    public record Readable(boolean all, Set<String> ids) {

        public static final Readable ALL = new Readable(true, Set.of());
        public static final Readable NONE = new Readable(false, Set.of());

        public boolean none() {
            return !all && ids.isEmpty();
        }

        public boolean includes(String institutionId) {
            return all || ids.contains(institutionId);
        }
    }

    /** Institution ids by registered province, and by registered-or-business province, at generation {@code seq}. */
    private record ProvinceIndex(long seq, Map<String, Set<String>> registered, Map<String, Set<String>> readable) {

        ProvinceIndex(long seq, Map<String, Set<String>> none) {
            this(seq, none, none);
        }

        static ProvinceIndex build(long seq, Collection<InstitutionReference> institutions) {
            Map<String, Set<String>> registered = new HashMap<>();
            Map<String, Set<String>> readable = new HashMap<>();
            for (InstitutionReference institution : institutions) {
                if (institution.registeredProvince() != null) {
                    registered.computeIfAbsent(institution.registeredProvince(), p -> new HashSet<>())
                            .add(institution.id());
                    readable.computeIfAbsent(institution.registeredProvince(), p -> new HashSet<>())
                            .add(institution.id());
                }
                for (String province : institution.businessProvinces()) {
                    readable.computeIfAbsent(province, p -> new HashSet<>()).add(institution.id());
                }
            }
            registered.replaceAll((p, ids) -> Set.copyOf(ids));
            readable.replaceAll((p, ids) -> Set.copyOf(ids));
            return new ProvinceIndex(seq, Map.copyOf(registered), Map.copyOf(readable));
        }

        Set<String> of(String province) {
            return readable.getOrDefault(province, Set.of());
        }
    }
}
