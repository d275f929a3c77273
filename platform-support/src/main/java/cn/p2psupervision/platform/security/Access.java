package cn.p2psupervision.platform.security;

/** What a caller may do with one record. */
public enum Access {
    NONE, READ, WRITE;

    public boolean canRead() {
        return this != NONE;
    }

    public boolean canWrite() {
        return this == WRITE;
    }
}
