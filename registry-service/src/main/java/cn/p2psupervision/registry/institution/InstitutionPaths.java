package cn.p2psupervision.registry.institution;

/** The paths of the institution API, shared by the controllers of the registry's features. */
public final class InstitutionPaths {

    public static final String BASE = "/api/v1/registry/institutions";

    /**
     * One file, by id or credit code. {@code by-code} is reserved for {@code /by-code/{creditCode}}: without the
     * exclusion, {@code /by-code/history} would match two endpoints at once, which Spring answers with an error.
     */
    public static final String FILE = "/{idOrCode:(?!by-code$).+}";

    private InstitutionPaths() {
    }
}
