package org.carbonalliance.patentpool.impl;

import java.time.LocalDate;
import java.util.List;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentView;

/**
 * The pool's terms for one patent, in the form of a CNIPA open-licence declaration (开放许可声明; Patent Law of the
 * PRC arts. 50-52, Implementing Regulations art. 85): patent number and type, patentee, licence fee and payment
 * method, licence term, in Chinese and English. For a utility model or design the declaration needs a patent
 * evaluation report (专利权评价报告), which this record flags. {@code demo}: a made-up demonstration patent, whose
 * declaration is a specimen only.
 */
public record OpenLicenceDeclaration(String publicationNumber, String patentTypeZh, String patentTypeEn,
        List<String> patentees, String licenceFeeZh, String licenceFeeEn, String paymentZh, String paymentEn,
        LocalDate termFrom, LocalDate termUntil, String termZh, String termEn, LocalDate offerClosesOn,
        String conditionsZh, String conditionsEn, boolean evaluationReportRequired, String legalBasisZh,
        String legalBasisEn, boolean demo) {

    /**
     * Licences run from the patent's contribution to the pool until the end of its term; a withdrawal closes the offer
     * to new licensees and never ends licences already granted (Patent Law art. 50).
     */
    static OpenLicenceDeclaration of(PatentView patent) {
        String kind = patent.kind();
        boolean utility = kind.startsWith("U") || kind.startsWith("Y");
        boolean design = kind.startsWith("S");
        LocalDate from = LocalDate.ofInstant(patent.contributedAt(), java.time.ZoneOffset.UTC);
        LocalDate until = patent.expiryDate();
        String untilZh = until == null ? "专利权期限届满" : until + "（含）";
        String untilEn = until == null ? "the end of the patent's term" : until + " inclusive";
        return new OpenLicenceDeclaration(patent.publicationNumber(),
                design ? "外观设计" : utility ? "实用新型" : "发明", design ? "design" : utility ? "utility model" : "invention",
                patent.owners(),
                "以实现碳达峰、碳中和为目的实施的，免收许可使用费",
                "Royalty-free for use toward carbon peaking and carbon neutrality",
                "无需支付", "No payment",
                from, until, "自 " + from + " 起至 " + untilZh, "From " + from + " until " + untilEn,
                patent.withdrawalEffective(),
                "普通（非独占）许可，不得转让或分许可；被许可人对联盟成员或联盟专利提起专利侵权诉讼的，许可终止。",
                "Non-exclusive, non-transferable, no sublicences; the licence ends for a licensee that asserts a "
                        + "patent against the alliance's members or pooled patents.",
                utility || design,
                "《中华人民共和国专利法》第五十条至第五十二条；《专利法实施细则》第八十五条",
                "Patent Law of the People's Republic of China, arts. 50-52; Implementing Regulations, art. 85",
                patent.demo());
    }
}
