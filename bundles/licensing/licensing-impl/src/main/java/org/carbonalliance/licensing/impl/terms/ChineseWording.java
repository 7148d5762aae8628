package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Chinese (simplified) phrasing of licence texts, in the style of Chinese licence contracts. */
final class ChineseWording implements Wording {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final Map<String, String> VERBS = Map.of(REPRODUCE, "制造", USE, "使用", SELL, "销售",
            DISTRIBUTE, "分销", MODIFY, "修改", DERIVE, "改进");
    private static final Map<String, String> PURPOSES = Map.of(
            CARBON_NEUTRALITY, "碳达峰、碳中和", CLIMATE_ADAPTATION, "适应气候变化", RESEARCH, "研究和评估");
    private static final Map<String, String> TAGS = Map.of(
            "Y02A", "适应气候变化的技术",
            "Y02B", "与建筑相关的减缓气候变化技术",
            "Y02C", "温室气体的捕集、封存或处置",
            "Y02D", "信息通信技术中的减缓气候变化技术",
            "Y02E", "与能源生产、输送或分配相关的温室气体减排技术",
            "Y02P", "商品生产或加工中的减缓气候变化技术",
            "Y02T", "与交通运输相关的减缓气候变化技术",
            "Y02W", "与废水处理或废物管理相关的减缓气候变化技术",
            "Y04S", "智能电网");

    @Override
    public String title(int version) {
        return "碳联盟专利池许可要约（第" + version + "版）";
    }

    @Override
    public String preamble() {
        return "本要约由碳联盟专利池（以下简称“专利池”）向接受本要约的任何一方（以下简称“被许可人”）发出。";
    }

    @Override
    public String clause(int number, String heading, String body) {
        return "第" + numeral(number) + "条 【" + heading + "】" + body;
    }

    @Override public String grantHeading() { return "许可授予"; }
    @Override public String prohibitionHeading() { return "禁止行为"; }
    @Override public String noAssertionHeading() { return "不主张专利"; }
    @Override public String obligationHeading() { return "被许可人义务"; }
    @Override public String reservationHeading() { return "权利保留"; }

    @Override
    public String grant(List<String> actions, Target target, boolean royaltyFree) {
        return "专利池授予被许可人一项非独占" + (royaltyFree ? "、免许可费" : "") + "的许可，允许其"
                + join(actions.stream().map(VERBS::get).toList(), "和") + "受" + target(target) + "保护的产品和方法。";
    }

    @Override
    public String prohibition(List<String> actions, Target target) {
        return "被许可人不得" + join(actions.stream().map(VERBS::get).toList(), "或") + "受" + target(target)
                + "保护的产品或方法。";
    }

    @Override
    public String noAssertion(Target target) {
        return "被许可人不得针对专利池的任何成员，或针对受" + target(target) + "保护的产品和方法，主张任何专利权。";
    }

    @Override
    public String conditions(List<String> phrases, boolean prohibition) {
        return phrases.isEmpty() ? "" : (prohibition ? "本条禁止适用于下列情形：" : "本许可仅可在下列条件下实施：")
                + items(phrases) + "。";
    }

    @Override
    public String duties(List<String> phrases, boolean standalone) {
        return phrases.isEmpty() ? "" : (standalone ? "无论是否实施本许可，被许可人均应当：" : "被许可人实施本许可，应当：")
                + items(phrases) + "。";
    }

    @Override
    public String remedy(boolean defensive) {
        return defensive ? "防御性终止：被许可人违反本条规定主张专利权的，其依据本要约获得的全部许可自动终止。"
                : "终止：被许可人违反本条规定的，其依据本要约获得的全部许可自动终止。";
    }

    @Override
    public String reservation() {
        return "本要约未明示授予的权利，均予保留。";
    }

    @Override
    public String condition(Constraint c) {
        List<String> v = c.rightOperand();
        String op = c.operator();
        boolean negative = NEQ.equals(op) || IS_NONE_OF.equals(op);
        return switch (c.leftOperand()) {
            case PURPOSE -> "用于" + join(v.stream().map(PURPOSES::get).toList(), negative ? "和" : "或")
                    + (negative ? "以外的目的" : "目的");
            case SPATIAL -> v.contains(WORLDWIDE) ? "在全球范围内"
                    : "在" + join(v.stream().map(code -> Wording.country(code, Locale.SIMPLIFIED_CHINESE)).toList(),
                            negative ? "和" : "或") + (negative ? "以外的地域" : "境内");
            case DATE_TIME -> date(op, v.get(0));
            case FIELD_OF_USE -> field(op, v);
            default -> fee(c);
        };
    }

    @Override
    public String duty(Duty duty) {
        String when = "";
        String fee = "";
        for (Constraint c : duty.constraints()) {
            if (DATE_TIME.equals(c.leftOperand())) {
                when = deadline(c.operator(), c.rightOperand().get(0));
            } else {
                fee = fee(c);
            }
        }
        return when + switch (duty.action()) {
            case ANNUAL_REPORT -> "每年向专利池提交一份关于其实施本许可情况的年度报告";
            case INFORM -> "向专利池报告其实施本许可的情况";
            case ATTRIBUTE -> "以适当方式注明所许可的专利来源于本专利池";
            default -> "支付许可费" + fee;
        };
    }

    private static String fee(Constraint c) {
        String bound = switch (c.operator()) {
            case LT -> "低于";
            case LTEQ -> "不超过";
            case GT -> "高于";
            case GTEQ -> "不低于";
            default -> "";
        };
        String amount = Wording.amount(c.rightOperand().get(0));
        if ("CNY".equals(c.unit())) {
            return bound + "人民币" + amount + "元";
        }
        return bound + amount + Currency.getInstance(c.unit()).getDisplayName(Locale.SIMPLIFIED_CHINESE)
                + "（" + c.unit() + "）";
    }

    private static String date(String op, String value) {
        String d = DATE.format(Wording.date(value));
        return switch (op) {
            case GTEQ -> "自" + d + "起（含当日）";
            case GT -> "在" + d + "之后";
            case LTEQ -> "至" + d + "止（含当日）";
            case LT -> "在" + d + "之前";
            default -> "仅限" + d + "当日";
        };
    }

    private static String deadline(String op, String value) {
        String d = DATE.format(Wording.date(value));
        return switch (op) {
            case GTEQ, GT -> "不早于" + d;
            case LTEQ, LT -> "不迟于" + d;
            default -> "于" + d;
        };
    }

    private static String field(String op, List<String> codes) {
        List<String> named = codes.stream().map(c -> TAGS.containsKey(c) ? "CPC " + c + "（" + TAGS.get(c) + "）"
                : "CPC " + c).toList();
        return switch (op) {
            case IS_A, IS_PART_OF -> "在属于" + named.get(0) + "的技术领域内";
            case IS_ALL_OF -> "在同时涵盖" + join(named, "和") + "的技术领域内";
            case IS_NONE_OF -> "在" + join(named, "和") + "以外的技术领域内";
            default -> "在" + join(named, "或") + "技术领域内";
        };
    }

    private static String target(Target t) {
        if (t.wholePool()) {
            return "专利池内全部专利";
        }
        if (!t.patents().isEmpty()) {
            return "专利" + join(t.patents(), "和");
        }
        return "专利池内归入" + join(t.climateTags().stream().map(c -> c + "（" + TAGS.get(c) + "）").toList(), "或")
                + "类别的专利";
    }

    /** "（一）x；（二）y" — or just "x" for one item. */
    private static String items(List<String> phrases) {
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            out.add("（" + numeral(i + 1) + "）" + phrases.get(i));
        }
        return String.join("；", out);
    }

    /** "x", "x和y", "x、y和z". */
    private static String join(List<String> words, String conjunction) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join("、", words.subList(0, words.size() - 1)) + conjunction + words.get(words.size() - 1);
    }

    /** Chinese numerals 1–99 (一, 十, 十一, 二十三); Arabic digits beyond. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        int tens = n / 10;
        int ones = n % 10;
        return tens == 0 ? DIGITS[ones] : (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[ones];
    }
}
