package cn.p2psupervision.classification.rectification;

/**
 * CLS-08: an item as the issuing officer states it: the finding to rectify and the requirement (整改要求). The order
 * copies the problem and the baseline stock from the finding.
 */
public record OrderedItem(String findingId, String requirement) {
}
