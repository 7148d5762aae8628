package org.carbonalliance.licensing.impl.terms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class TermsTextTest {

    @Test
    public void englishStandardOffer() {
        String text = TermsText.english(StandardOffer.terms(), 1);
        assertContains(text, "Licence Offer (version 1)",
                "1. Grant of licence. The Pool grants the Licensee a non-exclusive, royalty-free licence to make, use and "
                        + "sell products and processes covered by the patents in the Pool.",
                "(a) for the purpose of carbon peaking and carbon neutrality; and (b) worldwide.",
                "submit an annual report to the Pool",
                "2. No assertion of patents. The Licensee shall not assert any patent against any member of the Pool",
                "Defensive termination: if the Licensee asserts a patent in breach of this clause",
                "3. Reservation of rights.");
    }

    @Test
    public void chineseStandardOffer() {
        String text = TermsText.chinese(StandardOffer.terms(), 1);
        assertContains(text, "碳联盟专利池许可要约（第1版）",
                "第一条 【许可授予】专利池授予被许可人一项非独占、免许可费的许可，允许其制造、使用和销售受专利池内全部专利保护的产品和方法。",
                "（一）用于碳达峰、碳中和目的；（二）在全球范围内。",
                "年度报告",
                "第二条 【不主张专利】被许可人不得针对专利池的任何成员",
                "防御性终止：被许可人违反本条规定主张专利权的，其依据本要约获得的全部许可自动终止。",
                "第三条 【权利保留】");
    }

    @Test
    public void englishComplexOffer() {
        String text = TermsText.english(Offers.complex(), 4);
        assertFalse(text.contains("royalty-free"));
        assertContains(text, "licence to make and use products and processes covered by patents CN112345678B and EP3456789B1.",
                "(a) for the purpose of carbon peaking and carbon neutrality or adaptation to climate change;",
                "(b) in China, Germany or France;", "(c) on or after 1 January 2026;", "(d) on or before 31 December 2030;",
                "CPC Y02E 60/10 or CPC Y02T (climate change mitigation technologies related to transportation)",
                "pay a licence fee of EUR 1,000.00 (Euro) no later than 31 March 2026",
                "acknowledge the Pool as the source of the licensed patents",
                "The Licensee shall not sell products or processes covered by the patents in the Pool tagged Y02E",
                "This prohibition applies outside China.", "Termination: if the Licensee breaches this clause",
                "Whether or not it exercises the licence, the Licensee shall (a) submit an annual report",
                "pay a licence fee of CNY 250 (Chinese Yuan)", "7. Reservation of rights.");
    }

    @Test
    public void chineseComplexOffer() {
        String text = TermsText.chinese(Offers.complex(), 4);
        assertFalse(text.contains("免许可费"));
        assertContains(text, "允许其制造和使用受专利CN112345678B和EP3456789B1保护的产品和方法。",
                "（一）用于碳达峰、碳中和或适应气候变化目的；（二）在中国、德国或法国境内；（三）自2026年1月1日起（含当日）；"
                        + "（四）至2030年12月31日止（含当日）；",
                "不迟于2026年3月31日支付许可费1,000.00欧元（EUR）",
                "以适当方式注明所许可的专利来源于本专利池",
                "被许可人不得销售受专利池内归入Y02E（与能源生产、输送或分配相关的温室气体减排技术）或Y04S（智能电网）类别的专利保护的产品或方法。",
                "本条禁止适用于下列情形：在中国以外的地域。",
                "无论是否实施本许可，被许可人均应当：（一）每年向专利池提交一份关于其实施本许可情况的年度报告；（二）支付许可费人民币250元。",
                "第七条 【权利保留】");
    }

    @Test
    public void chineseNumerals() {
        assertEquals(List.of("一", "九", "十", "十一", "二十", "二十三", "九十九", "100"),
                List.of(1, 9, 10, 11, 20, 23, 99, 100).stream().map(ChineseWording::numeral).toList());
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue("missing «" + part + "» in:\n" + text, text.contains(part));
        }
    }
}
