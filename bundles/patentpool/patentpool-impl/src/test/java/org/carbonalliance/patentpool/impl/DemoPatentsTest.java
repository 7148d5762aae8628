package org.carbonalliance.patentpool.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carbonalliance.patentpool.api.ClimateTag;
import org.carbonalliance.patentpool.api.CpcCode;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PublicationNumber;
import org.junit.Test;

/** The demonstration patents are consistent, in the reserved number range and cover what a demonstration shows. */
public class DemoPatentsTest {

    private static final Pattern RESERVED = Pattern.compile("[A-Z]{2}9999\\d{8}[A-Z]\\d?");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final Map<String, String> tenants = tenants();
    private final List<PatentData> patents = DemoPatents.patents(tenants);

    private static Map<String, String> tenants() {
        Map<String, String> tenants = new LinkedHashMap<>();
        for (int i = 0; i < DemoPatents.FOUNDERS.size(); i++) {
            tenants.put(DemoPatents.FOUNDERS.get(i), "tenant-" + (i + 1));
        }
        return tenants;
    }

    @Test
    public void foundersAreTheTenFoundingMembers() {
        assertEquals(List.of("Tencent", "Microsoft China", "Alibaba", "Baidu", "JD.com", "Kuaishou", "Ant Group",
                "Meituan", "Vanke", "Willfar Information Technology"), DemoPatents.FOUNDERS);
    }

    @Test
    public void thirtySixPatentsWithUniqueNumbersInTheReservedRange() {
        assertEquals(36, patents.size());
        Set<String> numbers = new HashSet<>();
        for (PatentData p : patents) {
            assertTrue("duplicate " + p.publicationNumber(), numbers.add(p.publicationNumber()));
            PublicationNumber number = PublicationNumber.parse(p.publicationNumber()).orElse(null);
            assertNotNull("does not parse: " + p.publicationNumber(), number);
            assertEquals(p.publicationNumber(), number.toString());
            assertTrue("not reserved: " + p.publicationNumber(), RESERVED.matcher(p.publicationNumber()).matches());
            assertFalse(number.kind().isEmpty());
        }
        assertEquals(36, patents.stream().map(p -> p.publicationNumber().substring(2, 14)).distinct().count());
    }

    @Test
    public void kindCodesFitTheStatus() {
        for (PatentData p : patents) {
            PublicationNumber number = PublicationNumber.parse(p.publicationNumber()).orElseThrow();
            String kind = number.kind();
            if (p.legalStatus() == LegalStatus.PENDING) {
                assertTrue(p.publicationNumber(), kind.equals("A") || kind.equals("A1"));
            } else if (number.country().equals("CN")) {
                assertTrue(p.publicationNumber(), kind.equals("B") || kind.equals("U"));
            } else {
                assertTrue(p.publicationNumber(), kind.startsWith("B"));
            }
        }
    }

    @Test
    public void everyFounderHasAtLeastThreeForItsOwnTenant() {
        Map<String, Long> byMember = patents.stream()
                .collect(Collectors.groupingBy(PatentData::member, Collectors.counting()));
        assertTrue(tenants.values().containsAll(byMember.keySet()));
        for (String founder : DemoPatents.FOUNDERS) {
            long count = byMember.getOrDefault(tenants.get(founder), 0L);
            assertTrue(founder + " has " + count, count >= 3 && count <= 4);
        }
    }

    @Test
    public void aFounderWithoutTenantIdIsRefused() {
        Map<String, String> missing = new HashMap<>(tenants);
        missing.remove("Vanke");
        assertThrows(IllegalArgumentException.class, () -> DemoPatents.patents(missing));
    }

    @Test
    public void allNineClimateTagsFollowFromTheCpcCodes() {
        List<CpcCode> codes = new ArrayList<>();
        for (PatentData p : patents) {
            assertFalse(p.publicationNumber(), p.cpcCodes().isEmpty());
            assertFalse(p.publicationNumber() + " has no climate tag",
                    CpcCode.climateTags(parse(p.cpcCodes())).isEmpty());
            codes.addAll(parse(p.cpcCodes()));
            parse(p.ipcCodes());
            assertTrue(p.climateTags().isEmpty());
        }
        assertEquals(EnumSet.allOf(ClimateTag.class), CpcCode.climateTags(codes));
    }

    private static List<CpcCode> parse(List<String> symbols) {
        return symbols.stream().map(s -> {
            CpcCode code = CpcCode.parse(s).orElseThrow(() -> new AssertionError("not a symbol: " + s));
            assertEquals("canonical form", code.toString(), s);
            return code;
        }).toList();
    }

    @Test
    public void aboutAThirdEnglishChineseAndBoth() {
        long en = count(p -> p.titleEn() != null && p.titleZh() == null);
        long zh = count(p -> p.titleEn() == null && p.titleZh() != null);
        long both = count(p -> p.titleEn() != null && p.titleZh() != null);
        assertEquals(36, en + zh + both);
        assertTrue("en " + en, en >= 8);
        assertTrue("zh " + zh, zh >= 8);
        assertTrue("both " + both, both >= 8);
        for (PatentData p : patents) {
            // A text in a language comes with its abstract.
            assertEquals(p.publicationNumber(), p.titleEn() == null, p.abstractEn() == null);
            assertEquals(p.publicationNumber(), p.titleZh() == null, p.abstractZh() == null);
        }
    }

    @Test
    public void energyStorageInBothLanguagesUnderY02E6010() {
        long en = count(p -> p.cpcCodes().contains("Y02E 60/10")
                && (contains(p.titleEn(), "energy storage") || contains(p.abstractEn(), "energy storage")));
        long zh = count(p -> p.cpcCodes().contains("Y02E 60/10")
                && (contains(p.titleZh(), "储能") || contains(p.abstractZh(), "储能")));
        assertTrue("energy storage " + en, en >= 3);
        assertTrue("储能 " + zh, zh >= 3);
    }

    private static boolean contains(String text, String word) {
        return text != null && text.contains(word);
    }

    @Test
    public void datesAreInOrderAndFitTheStatus() {
        for (PatentData p : patents) {
            String n = p.publicationNumber();
            LocalDate filed = p.applicationDate();
            assertNotNull(n, filed);
            assertTrue(n, filed.getYear() >= 2014 && filed.getYear() <= 2024);
            assertNotNull(n, p.priorityDate());
            assertFalse(n, p.priorityDate().isAfter(filed));
            assertTrue(n + " priority more than a year before filing",
                    !p.priorityDate().plusYears(1).isBefore(filed));
            if (p.legalStatus() == LegalStatus.PENDING) {
                assertNull(n, p.grantDate());
            } else {
                assertNotNull(n, p.grantDate());
                assertTrue(n, p.grantDate().isAfter(filed));
                assertTrue(n, p.grantDate().isBefore(TODAY));
            }
            assertNull(n, p.expiryDate());
            assertNull(n, p.expiryReason());
        }
        assertEquals(26, count(p -> p.legalStatus() == LegalStatus.GRANTED));
        assertEquals(8, count(p -> p.legalStatus() == LegalStatus.PENDING));
        assertEquals(2, count(p -> p.legalStatus() == LegalStatus.LAPSED));
    }

    @Test
    public void oneUtilityModelEndsItsTermWithinTheComingYear() {
        List<String> ending = patents.stream().filter(p -> p.legalStatus() == LegalStatus.GRANTED).filter(p -> {
            LocalDate expiry = Terms.expiry(PublicationNumber.parse(p.publicationNumber()).orElseThrow(),
                    p.applicationDate());
            return expiry.isAfter(TODAY) && !expiry.isAfter(TODAY.plusYears(1));
        }).map(PatentData::publicationNumber).toList();
        assertEquals(List.of("CN999900000017U"), ending);
    }

    @Test
    public void familiesShareTheirTitles() {
        Map<String, List<PatentData>> families = patents.stream().filter(p -> p.familyId() != null)
                .collect(Collectors.groupingBy(PatentData::familyId));
        assertEquals(Set.of("DEMO-FAM-001", "DEMO-FAM-002"), families.keySet());
        assertEquals(Set.of("CN", "US", "EP"), families.get("DEMO-FAM-001").stream()
                .map(p -> p.publicationNumber().substring(0, 2)).collect(Collectors.toSet()));
        for (List<PatentData> family : families.values()) {
            assertEquals(1, family.stream().map(PatentData::titleEn).distinct().count());
            assertEquals(1, family.stream().map(PatentData::member).distinct().count());
            assertEquals(1, family.stream().map(PatentData::priorityDate).distinct().count());
        }
    }

    @Test
    public void partiesAndTextsAreWellFormed() {
        for (PatentData p : patents) {
            String n = p.publicationNumber();
            assertEquals(n, 1, p.applicants().size());
            assertEquals(n, p.applicants(), p.owners());
            assertFalse(n, p.inventors().isEmpty());
            assertNotNull(n, p.applicationNumber());
            assertTrue(n + " " + p.applicationNumber(), p.applicationNumber().contains("9999"));
            assertNull(n, p.officeLink());
            Stream.of(p.titleEn(), p.titleZh()).filter(t -> t != null)
                    .forEach(t -> assertTrue(n + " title", t.length() <= 200 && !t.isBlank()));
            Stream.of(p.titleEn(), p.titleZh(), p.familyId(), p.applicationNumber()).filter(t -> t != null)
                    .forEach(t -> assertTrue(n + " single line: " + t, t.lines().count() == 1 && t.equals(t.strip())));
            Stream.of(p.applicants(), p.owners(), p.inventors(), p.cpcCodes(), p.ipcCodes()).flatMap(List::stream)
                    .forEach(t -> assertTrue(n + " single line: " + t, t.lines().count() == 1 && t.equals(t.strip())));
            assertTrue(n, sentences(p.abstractEn(), "(?<=\\.)\\s+(?=[A-Z])") <= 3);
            assertTrue(n, sentences(p.abstractZh(), "(?<=。)") <= 3);
        }
    }

    private static int sentences(String text, String boundary) {
        return text == null ? 0 : text.split(boundary).length;
    }

    private long count(Predicate<PatentData> test) {
        return patents.stream().filter(test).count();
    }
}
