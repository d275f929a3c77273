package cn.p2psupervision.registry.institution;

import java.util.LinkedHashMap;
import java.util.Map;

/** The facts of a file by name, for comparing versions fact by fact (REG-05, REG-07). */
final class FactValues {

    private FactValues() {
    }

    static Map<String, Object> of(Facts facts) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", facts.name());
        values.put("registeredAddress", facts.registeredAddress());
        values.put("legalRepresentative", facts.legalRepresentative());
        values.put("shareholders", facts.shareholders());
        values.put("actualControllers", facts.actualControllers());
        values.put("registeredCapital", facts.registeredCapital());
        values.put("establishedOn", facts.establishedOn());
        values.put("lendingStartedOn", facts.lendingStartedOn());
        values.put("websites", facts.websites());
        values.put("custodyBank", facts.custodyBank());
        values.put("branches", facts.branches());
        values.put("entityKind", facts.entityKind());
        values.put("cooperatingBank", facts.cooperatingBank());
        values.put("status", facts.status());
        values.put("inScope", facts.inScope());
        return values;
    }
}
