package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** English phrasing of licence texts. */
final class EnglishWording implements Wording {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> VERBS = Map.of(REPRODUCE, "make", USE, "use", SELL, "sell",
            DISTRIBUTE, "distribute", MODIFY, "modify", DERIVE, "improve upon");
    private static final Map<String, String> PURPOSES = Map.of(
            CARBON_NEUTRALITY, "carbon peaking and carbon neutrality",
            CLIMATE_ADAPTATION, "adaptation to climate change",
            RESEARCH, "research and evaluation");
    private static final Map<String, String> TAGS = Map.of(
            "Y02A", "technologies for adaptation to climate change",
            "Y02B", "climate change mitigation technologies related to buildings",
            "Y02C", "capture, storage, sequestration or disposal of greenhouse gases",
            "Y02D", "climate change mitigation technologies in information and communication technologies",
            "Y02E", "reduction of greenhouse gas emissions related to energy generation, transmission or distribution",
            "Y02P", "climate change mitigation technologies in the production or processing of goods",
            "Y02T", "climate change mitigation technologies related to transportation",
            "Y02W", "climate change mitigation technologies related to wastewater treatment or waste management",
            "Y04S", "smart grids");

    @Override
    public String title(int version) {
        return "Carbon Alliance Patent Pool — Licence Offer (version " + version + ")";
    }

    @Override
    public String preamble() {
        return "This offer is made by the Carbon Alliance patent pool (the \"Pool\") to any party that accepts it "
                + "(the \"Licensee\").";
    }

    @Override
    public String clause(int number, String heading, String body) {
        return number + ". " + heading + ". " + body;
    }

    @Override public String grantHeading() { return "Grant of licence"; }
    @Override public String prohibitionHeading() { return "Prohibited acts"; }
    @Override public String noAssertionHeading() { return "No assertion of patents"; }
    @Override public String obligationHeading() { return "Obligations"; }
    @Override public String reservationHeading() { return "Reservation of rights"; }

    @Override
    public String grant(List<String> actions, Target target, boolean royaltyFree) {
        return "The Pool grants the Licensee a non-exclusive" + (royaltyFree ? ", royalty-free" : "")
                + " licence to " + join(actions.stream().map(VERBS::get).toList(), "and")
                + " products and processes covered by " + target(target) + ".";
    }

    @Override
    public String prohibition(List<String> actions, Target target) {
        return "The Licensee shall not " + join(actions.stream().map(VERBS::get).toList(), "or")
                + " products or processes covered by " + target(target) + ".";
    }

    @Override
    public String noAssertion(Target target) {
        return "The Licensee shall not assert any patent against any member of the Pool, or against products "
                + "or processes covered by " + target(target) + ".";
    }

    @Override
    public String conditions(List<String> phrases, boolean prohibition) {
        return phrases.isEmpty() ? "" : (prohibition ? " This prohibition applies " : " This licence may be exercised only ")
                + items(phrases) + ".";
    }

    @Override
    public String duties(List<String> phrases, boolean standalone) {
        return phrases.isEmpty() ? "" : (standalone ? "Whether or not it exercises the licence, the Licensee shall "
                : " In exercising this licence, the Licensee shall ") + items(phrases) + ".";
    }

    @Override
    public String remedy(boolean defensive) {
        return defensive
                ? " Defensive termination: if the Licensee asserts a patent in breach of this clause, every licence "
                        + "granted to it under this offer terminates automatically."
                : " Termination: if the Licensee breaches this clause, every licence granted to it under this offer "
                        + "terminates automatically.";
    }

    @Override
    public String reservation() {
        return "All rights not expressly granted in this offer are reserved.";
    }

    @Override
    public String condition(Constraint c) {
        List<String> v = c.rightOperand();
        String op = c.operator();
        boolean negative = NEQ.equals(op) || IS_NONE_OF.equals(op);
        return switch (c.leftOperand()) {
            case PURPOSE -> negative ? "for purposes other than " + join(map(v, PURPOSES), "and")
                    : "for the purpose of " + join(map(v, PURPOSES), "or");
            case SPATIAL -> v.contains(WORLDWIDE) ? "worldwide"
                    : (negative ? "outside " + join(countries(v), "and") : "in " + join(countries(v), "or"));
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
                when = " " + deadline(c.operator(), c.rightOperand().get(0));
            } else {
                fee = " of " + fee(c);
            }
        }
        return switch (duty.action()) {
            case ANNUAL_REPORT -> "submit an annual report to the Pool on its exercise of the licence";
            case INFORM -> "inform the Pool of its exercise of the licence";
            case ATTRIBUTE -> "acknowledge the Pool as the source of the licensed patents";
            default -> "pay a licence fee";
        } + fee + when;
    }

    private static String fee(Constraint c) {
        String bound = switch (c.operator()) {
            case LT -> "less than ";
            case LTEQ -> "at most ";
            case GT -> "more than ";
            case GTEQ -> "at least ";
            default -> "";
        };
        return bound + c.unit() + " " + Wording.amount(c.rightOperand().get(0))
                + " (" + Currency.getInstance(c.unit()).getDisplayName(Locale.ENGLISH) + ")";
    }

    private static String date(String op, String value) {
        String d = DATE.format(Wording.date(value));
        return switch (op) {
            case GTEQ -> "on or after " + d;
            case GT -> "after " + d;
            case LTEQ -> "on or before " + d;
            case LT -> "before " + d;
            default -> "on " + d + " only";
        };
    }

    private static String deadline(String op, String value) {
        String d = DATE.format(Wording.date(value));
        return switch (op) {
            case GTEQ, GT -> "no earlier than " + d;
            case LTEQ, LT -> "no later than " + d;
            default -> "on " + d;
        };
    }

    private static String field(String op, List<String> codes) {
        List<String> named = codes.stream().map(c -> TAGS.containsKey(c) ? "CPC " + c + " (" + TAGS.get(c) + ")"
                : "CPC " + c).toList();
        return switch (op) {
            case IS_A, IS_PART_OF -> "in a technical field within " + named.get(0);
            case IS_ALL_OF -> "in technical fields covering all of " + join(named, "and");
            case IS_NONE_OF -> "outside the technical fields " + join(named, "and");
            default -> "in the technical field " + join(named, "or");
        };
    }

    private static String target(Target t) {
        if (t.wholePool()) {
            return "the patents in the Pool";
        }
        if (!t.patents().isEmpty()) {
            return (t.patents().size() == 1 ? "patent " : "patents ") + join(t.patents(), "and");
        }
        return "the patents in the Pool tagged "
                + join(t.climateTags().stream().map(c -> c + " (" + TAGS.get(c) + ")").toList(), "or");
    }

    private static List<String> countries(List<String> codes) {
        return codes.stream().map(c -> Wording.country(c, Locale.ENGLISH)).toList();
    }

    private static List<String> map(List<String> values, Map<String, String> names) {
        return values.stream().map(names::get).toList();
    }

    /** "(a) x; (b) y; and (c) z" — or just "x" for one item. */
    private static String items(List<String> phrases) {
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            out.add((i == phrases.size() - 1 ? "and " : "") + "(" + (char) ('a' + i % 26) + ") " + phrases.get(i));
        }
        return String.join("; ", out);
    }

    /** "x", "x and y", "x, y and z". */
    static String join(List<String> words, String conjunction) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " "
                + words.get(words.size() - 1);
    }
}
