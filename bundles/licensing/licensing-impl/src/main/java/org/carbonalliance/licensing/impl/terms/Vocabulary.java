package org.carbonalliance.licensing.impl.terms;

import java.util.List;
import java.util.Set;

/**
 * The words a licence offer may use: a subset of the W3C ODRL 2.2 vocabulary plus the pool's own profile.
 *
 * <p>ODRL terms are written bare ({@code use}, {@code purpose}); they stand for IRIs in {@link #ODRL}
 * ({@code http://www.w3.org/ns/odrl/2/use}). Profile terms are written with the {@code pool:} prefix
 * ({@code pool:assertPatent}); they stand for IRIs in {@link #POOL} and are defined by the profile
 * {@link #PROFILE}:
 * <ul>
 *   <li>{@code pool:assertPatent} (action, prohibitions only): to assert a patent against the pool's
 *       patents or members (to sue or threaten to sue for infringement).</li>
 *   <li>{@code pool:annualReport} (duty action, {@code odrl:includedIn odrl:inform}): to report once a
 *       year to the pool on the exercise of the licence.</li>
 *   <li>{@code pool:terminate} (remedy action): defensive termination — the licensee's licence under the
 *       offer ends and the licensee ceases every licensed use.</li>
 *   <li>{@code pool:fieldOfUse} (left operand): the technical field, as CPC symbols ({@code Y02E 60/10})
 *       or climate tags ({@code Y02E}).</li>
 *   <li>{@code pool:carbonNeutrality}, {@code pool:climateAdaptation}, {@code pool:research}
 *       (values of {@code purpose}).</li>
 * </ul>
 */
public final class Vocabulary {

    /** The ODRL 2.2 namespace. */
    public static final String ODRL = "http://www.w3.org/ns/odrl/2/";
    /** The namespace of the pool's ODRL profile (prefix {@code pool:}). */
    public static final String POOL = "https://carbonalliance.org/odrl/pool#";
    /** The IRI of the pool's ODRL profile, stated in every offer's {@code profile}. */
    public static final String PROFILE = "https://carbonalliance.org/odrl/pool";
    /** The prefix of profile terms. */
    public static final String POOL_PREFIX = "pool:";

    public static final String USE = "use";
    public static final String REPRODUCE = "reproduce";
    public static final String SELL = "sell";
    public static final String DISTRIBUTE = "distribute";
    public static final String MODIFY = "modify";
    public static final String DERIVE = "derive";
    public static final String ASSERT_PATENT = "pool:assertPatent";

    public static final String INFORM = "inform";
    public static final String ANNUAL_REPORT = "pool:annualReport";
    public static final String ATTRIBUTE = "attribute";
    public static final String COMPENSATE = "compensate";
    public static final String TERMINATE = "pool:terminate";

    public static final String PURPOSE = "purpose";
    public static final String SPATIAL = "spatial";
    public static final String DATE_TIME = "dateTime";
    public static final String PAY_AMOUNT = "payAmount";
    public static final String FIELD_OF_USE = "pool:fieldOfUse";

    public static final String EQ = "eq";
    public static final String NEQ = "neq";
    public static final String LT = "lt";
    public static final String LTEQ = "lteq";
    public static final String GT = "gt";
    public static final String GTEQ = "gteq";
    public static final String IS_A = "isA";
    public static final String IS_PART_OF = "isPartOf";
    public static final String IS_ALL_OF = "isAllOf";
    public static final String IS_ANY_OF = "isAnyOf";
    public static final String IS_NONE_OF = "isNoneOf";

    public static final String CARBON_NEUTRALITY = "pool:carbonNeutrality";
    public static final String CLIMATE_ADAPTATION = "pool:climateAdaptation";
    public static final String RESEARCH = "pool:research";
    /** The {@code spatial} value for "no territorial limit". */
    public static final String WORLDWIDE = "worldwide";

    /** Actions a permission may grant (and a prohibition may forbid), in display order. */
    public static final List<String> GRANT_ACTIONS = List.of(REPRODUCE, USE, SELL, DISTRIBUTE, MODIFY, DERIVE);
    /** Actions of duties and policy obligations. */
    public static final List<String> DUTY_ACTIONS = List.of(INFORM, ANNUAL_REPORT, ATTRIBUTE, COMPENSATE);
    /** Actions of remedies. */
    public static final List<String> REMEDY_ACTIONS = List.of(TERMINATE);
    public static final List<String> LEFT_OPERANDS = List.of(PURPOSE, SPATIAL, DATE_TIME, PAY_AMOUNT, FIELD_OF_USE);
    public static final List<String> OPERATORS =
            List.of(EQ, NEQ, LT, LTEQ, GT, GTEQ, IS_A, IS_PART_OF, IS_ALL_OF, IS_ANY_OF, IS_NONE_OF);
    /** Operators taking a list of right operands; the others take exactly one. */
    public static final Set<String> SET_OPERATORS = Set.of(IS_ALL_OF, IS_ANY_OF, IS_NONE_OF);
    public static final List<String> PURPOSES = List.of(CARBON_NEUTRALITY, CLIMATE_ADAPTATION, RESEARCH);
    /** The CPC Y-section climate tags a target may name. */
    public static final List<String> CLIMATE_TAGS =
            List.of("Y02A", "Y02B", "Y02C", "Y02D", "Y02E", "Y02P", "Y02T", "Y02W", "Y04S");

    private Vocabulary() {
    }

    /** Every action term, ODRL's and the profile's. */
    public static List<String> actions() {
        return List.of(REPRODUCE, USE, SELL, DISTRIBUTE, MODIFY, DERIVE, ASSERT_PATENT,
                INFORM, ANNUAL_REPORT, ATTRIBUTE, COMPENSATE, TERMINATE);
    }

    /** The full IRI of a term: {@code use} → ODRL namespace, {@code pool:x} → profile namespace. */
    public static String iri(String term) {
        return term.startsWith(POOL_PREFIX) ? POOL + term.substring(POOL_PREFIX.length()) : ODRL + term;
    }
}
