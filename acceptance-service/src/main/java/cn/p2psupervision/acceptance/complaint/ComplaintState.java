package cn.p2psupervision.acceptance.complaint;

/** ACC-09: where a complaint against an institution under notice stands. */
public enum ComplaintState {
    /** 待核实: lodged, not yet resolved; the institution cannot be filed meanwhile. */
    OPEN,
    /** 查证属实: found true; the notice was revoked and the case went back to acceptance. */
    FOUND_TRUE,
    /** 查无实据: unfounded; the notice runs on. */
    UNFOUNDED
}
