package cn.p2psupervision.platform.registryfeed;

import java.util.Optional;

import cn.p2psupervision.platform.security.Access;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.ProvinceScope;

/**
 * What a context's code asks about institutions, answered from its own projection of the registry (issue 7), never
 * from the registry's database: the institution itself, and the AUTH-02 decision for records about it.
 *
 * <p>An institution registered in the last moments may not be here yet (the projection follows the registry within a
 * poll or two); until then it counts as unknown, and records about it are out of everyone's scope.
 */
public class InstitutionDirectory {

    private final InstitutionReferences references;

    public InstitutionDirectory(InstitutionReferences references) {
        this.references = references;
    }

    public Optional<InstitutionReference> find(String institutionId) {
        return references.find(institutionId);
    }

    /**
     * AUTH-02/03 ({@link ProvinceScope}): central reads the records of every institution; a provincial officer or head
     * writes those of institutions registered in its province and reads those of institutions doing business there;
     * agencies, the internal service and anyone else get none, as they do for an unknown institution.
     */
    public Access accessTo(Caller caller, String institutionId) {
        return find(institutionId)
                .map(institution -> ProvinceScope.accessTo(caller, institution.registeredProvince(),
                        institution.businessProvinces()))
                .orElse(Access.NONE);
    }

    /** AUTH-02: whether the caller may read records about the institution. */
    public boolean mayRead(Caller caller, String institutionId) {
        return accessTo(caller, institutionId).canRead();
    }
}
