package cn.p2psupervision.portal.institution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A file's history (变更历史, REG-07): every version with who made it, when, how and why, newest first; and for a
 * version what it changed compared with the one before, field by field. Any reader of the file may read them.
 */
@Controller
class HistoryController {

    private final RegistryApi registry;
    private final FileChanges changes;

    HistoryController(RegistryApi registry, FileChanges changes) {
        this.registry = registry;
        this.changes = changes;
    }

    @GetMapping("/institutions/{id}/history")
    String history(@PathVariable String id, Model model) {
        model.addAttribute("file", registry.file(id));
        List<History.Entry> versions = new ArrayList<>(registry.history(id));
        Collections.reverse(versions);
        model.addAttribute("versions", versions);
        model.addAttribute("changes", changes);
        return "institution-history";
    }

    @GetMapping("/institutions/{id}/history/{version}")
    String version(@PathVariable String id, @PathVariable long version, Model model) {
        Institutions.File file = registry.file(id);
        History.Diff diff = registry.diff(id, version);
        model.addAttribute("file", file);
        model.addAttribute("diff", diff);
        model.addAttribute("rows", changes.rows(diff));
        model.addAttribute("nextVersion", diff.version() < file.version() ? diff.version() + 1 : null);
        return "institution-diff";
    }
}
