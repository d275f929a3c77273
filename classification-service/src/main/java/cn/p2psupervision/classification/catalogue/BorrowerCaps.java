package cn.p2psupervision.classification.catalogue;

import java.math.BigDecimal;

/**
 * CLS-03: the single-borrower balance caps (同一借款人借款余额上限) in yuan [暂行办法 第十七条]: a natural person may
 * owe at most {@code naturalPersonOnePlatform} on one platform and {@code naturalPersonAllPlatforms} across
 * platforms; a legal person or other organisation (法人或其他组织) {@code legalPersonOnePlatform} and
 * {@code legalPersonAllPlatforms}. Data of the problem catalogue, not code.
 */
public record BorrowerCaps(BigDecimal naturalPersonOnePlatform, BigDecimal naturalPersonAllPlatforms,
                           BigDecimal legalPersonOnePlatform, BigDecimal legalPersonAllPlatforms) {
}
