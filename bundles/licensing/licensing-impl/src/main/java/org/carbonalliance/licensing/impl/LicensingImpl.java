package org.carbonalliance.licensing.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.LicensingEvents;
import org.carbonalliance.licensing.api.PolicyDecision.Outcome;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionForm;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionView;
import org.carbonalliance.licensing.impl.LicensingRecords.Counts;
import org.carbonalliance.licensing.impl.LicensingRecords.DueReport;
import org.carbonalliance.licensing.impl.LicensingRecords.LicenceView;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferForm;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferView;
import org.carbonalliance.licensing.impl.LicensingRecords.PolicyAnswer;
import org.carbonalliance.licensing.impl.LicensingRecords.ReportForm;
import org.carbonalliance.licensing.impl.LicensingRecords.ReportView;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestForm;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestView;
import org.carbonalliance.licensing.impl.LicensingRecords.Stats;
import org.carbonalliance.licensing.impl.LicensingRecords.Verification;
import org.carbonalliance.licensing.impl.terms.OfferTerms;
import org.carbonalliance.licensing.impl.terms.StandardOffer;
import org.carbonalliance.licensing.impl.terms.TermsText;
import org.carbonalliance.licensing.impl.terms.TermsValidator;
import org.carbonalliance.patentpool.api.PatentCatalogue;
import org.carbonalliance.patentpool.api.PatentCatalogue.PatentSummary;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Secrets;
import org.carbonalliance.platform.api.security.Tenant;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/** {@link Licensing} on tables lc_*; who may see what is decided in {@link Access}. */
@Component(service = Licensing.class, configurationPid = "org.carbonalliance.licensing")
@Designate(ocd = LicensingConfig.class)
public class LicensingImpl implements Licensing {

    static final String STANDARD_OFFER_ID = "standard";

    private final Database database;
    private final Transactions transactions;
    private final Policies policies;
    private final PatentCatalogue catalogue;
    private final IdentityService identity;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;
    private volatile int graceDays;
    private volatile int termYears;

    @Activate
    public LicensingImpl(@Reference LicensingDatabase db, @Reference Transactions transactions,
            @Reference Policies policies, @Reference PatentCatalogue catalogue, @Reference IdentityService identity,
            @Reference AuditLog audit, @Reference EventAdmin events, LicensingConfig config) {
        this(db.database(), transactions, policies, catalogue, identity, audit, events, Clock.systemUTC(),
                config.reportGraceDays(), config.licenceTermYears());
    }

    LicensingImpl(Database database, Transactions transactions, Policies policies, PatentCatalogue catalogue,
            IdentityService identity, AuditLog audit, EventAdmin events, Clock clock, int graceDays, int termYears) {
        this.database = database;
        this.transactions = transactions;
        this.policies = policies;
        this.catalogue = catalogue;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.graceDays = graceDays;
        this.termYears = termYears;
        ensureStandardOffer();
    }

    @Modified
    void modified(LicensingConfig config) {
        this.graceDays = config.reportGraceDays();
        this.termYears = config.licenceTermYears();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- offers

    /** The pool's standard offer exists from the first start. */
    private void ensureStandardOffer() {
        if (latest(STANDARD_OFFER_ID).isEmpty()) {
            transactions.atomically(() -> database.inTransaction(em -> {
                em.persist(new Offer(STANDARD_OFFER_ID, 1, "The pool's standard offer", true,
                        JsonText.write(StandardOffer.terms()), clock.instant(), "platform"));
                return null;
            }));
        }
    }

    private Optional<Offer> latest(String id) {
        return database.readAcrossTenants("licensing: offers", em -> em.createQuery(
                "select o from Offer o where o.id = :id order by o.version desc", Offer.class)
                .setParameter("id", id).setMaxResults(1).getResultList().stream().findFirst());
    }

    private Optional<Offer> version(String id, int version) {
        return database.readAcrossTenants("licensing: offers", em -> em.createQuery(
                "select o from Offer o where o.id = :id and o.version = :v", Offer.class).setParameter("id", id)
                .setParameter("v", version).getResultList().stream().findFirst());
    }

    static OfferTerms terms(Offer offer) {
        return JsonText.read(offer.termsJson(), OfferTerms.class);
    }

    private static OfferView view(Offer o) {
        OfferTerms terms = terms(o);
        return new OfferView(o.id(), o.version(), o.name(), o.standard(), terms, TermsText.english(terms,
                o.version()), TermsText.chinese(terms, o.version()), o.createdAt());
    }

    @Override
    public List<OfferView> offers() {
        List<Offer> all = database.readAcrossTenants("licensing: offers", em -> em.createQuery(
                "select o from Offer o order by o.id, o.version desc", Offer.class).getResultList());
        Set<String> seen = new HashSet<>();
        return all.stream().filter(o -> seen.add(o.id())).map(LicensingImpl::view).toList();
    }

    @Override
    public Optional<OfferView> offer(String id, Integer version) {
        return (version == null ? latest(id) : version(id, version)).map(LicensingImpl::view);
    }

    @Override
    public OfferView createOffer(OfferForm form, AlliancePrincipal caller) {
        checkTerms(form.terms());
        Offer offer = new Offer(UUID.randomUUID().toString(), 1, form.name().strip(), false,
                JsonText.write(form.terms()), clock.instant(), caller.username());
        return view(storeOffer(offer, "licensing.offer-created"));
    }

    @Override
    public OfferView reviseOffer(String id, OfferForm form, AlliancePrincipal caller) {
        Offer current = latest(id).orElseThrow(() -> ApiException.notFound("There is no offer " + id + "."));
        checkTerms(form.terms());
        Offer next = new Offer(id, current.version() + 1, form.name().strip(), current.standard(),
                JsonText.write(form.terms()), clock.instant(), caller.username());
        try {
            return view(storeOffer(next, "licensing.offer-revised"));
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ApiException(409, "conflict", "The offer was revised by someone else at the same moment; "
                    + "read it again.");
        }
    }

    private Offer storeOffer(Offer offer, String action) {
        return transactions.atomically(() -> {
            database.inTransaction(em -> {
                em.persist(offer);
                return null;
            });
            audit.record(action, null, offer.id() + "/v" + offer.version(), null, JsonText.write(Map.of("name",
                    offer.name())));
            return offer;
        });
    }

    private static void checkTerms(OfferTerms terms) {
        List<String> problems = TermsValidator.problems(terms).stream().map(p -> "terms." + p).toList();
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() + " problem(s) in the terms; see details.", problems);
        }
    }

    // ---- requests

    @Override
    public RequestView request(RequestForm form, AlliancePrincipal caller) {
        List<String> problems = new ArrayList<>();
        String offerId = form.offerId() == null ? STANDARD_OFFER_ID : form.offerId();
        Offer offer = latest(offerId).orElse(null);
        if (offer == null) {
            problems.add("offerId: there is no offer " + offerId);
        }
        List<String> patents = new ArrayList<>();
        for (int i = 0; form.patents() != null && i < form.patents().size(); i++) {
            String given = form.patents().get(i);
            Optional<PatentSummary> found = catalogue.find(given);
            if (found.isEmpty()) {
                problems.add("patents: item " + (i + 1) + ": " + given + " is not in the pool");
            } else if (!patents.contains(found.get().publicationNumber())) {
                patents.add(found.get().publicationNumber());
            }
        }
        List<String> tags = form.climateTags() == null ? List.of() : form.climateTags().stream()
                .map(t -> t.strip().toUpperCase(Locale.ROOT)).distinct().sorted().toList();
        if (patents.isEmpty() && tags.isEmpty()) {
            problems.add("patents: name at least one patent or climate tag (climateTags)");
        }
        String tenant = caller == null ? null : caller.tenantId();
        String name;
        String country;
        if (tenant != null) {
            if (!caller.hasRole(Roles.MEMBER_ADMIN)) {
                throw ApiException.forbidden("A member's licence requests are made by its member-admin.");
            }
            Tenant member = identity.tenant(tenant).orElseThrow(() -> ApiException.forbidden(
                    "Your organisation is not a member any more."));
            name = member.name();
            country = form.country() != null ? form.country().toUpperCase(Locale.ROOT) : "ZZ";
        } else {
            if (caller != null) {
                throw ApiException.forbidden("The secretariat does not request licences; members and non-members do.");
            }
            if (form.organisationName() == null || form.country() == null || form.contactEmail() == null) {
                problems.add("organisationName: a non-member names itself (organisationName, country, contactEmail)");
            }
            name = form.organisationName() == null ? null : form.organisationName().strip();
            country = form.country() == null ? null : form.country().toUpperCase(Locale.ROOT);
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() + " field(s) to correct; see details.", problems);
        }
        String token = tenant == null ? Secrets.randomToken(32) : null;
        List<String> countries = form.countries().stream().map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList();
        LicenceRequest request = new LicenceRequest(UUID.randomUUID().toString(), tenant, name, country,
                form.contactEmail(), token == null ? null : Secrets.sha256Hex(token), offer.id(), offer.version(),
                patents, tags, form.intendedUse().strip(), countries, clock.instant());
        request.namePublicly(Boolean.TRUE.equals(form.publicName()));
        List<String> everyPatent = allPatents(request);
        Policies.Judgement judged = policies.judge(facts(request, offer, everyPatent));
        // Tags with no licensable patent today: nothing to grant automatically; the secretariat sees the request.
        Policies.Judgement judgement = judged.outcome() == Outcome.GRANT && everyPatent.isEmpty()
                ? new Policies.Judgement(Outcome.REFER, judged.answers()) : judged;
        RequestView stored = transactions.atomically(() -> {
            database.inTransaction(em -> {
                em.persist(request);
                return null;
            });
            request.judged(JsonText.write(judgement.answers()), judgement.outcome() == Outcome.REFER
                    ? LicenceRequest.State.UNDER_REVIEW : LicenceRequest.State.REQUESTED);
            update(request);
            audit.record("licensing.requested", tenant, request.id(), null, JsonText.write(Map.of("outcome",
                    judgement.outcome().name(), "licensee", name)));
            return switch (judgement.outcome()) {
                case GRANT -> decideGrant(request.id(), "policies");
                case REFUSE -> decideRefuse(request.id(), reasons(judgement.answers(), Outcome.REFUSE), "policies");
                case REFER -> view(request, null);
            };
        });
        return withToken(stored, token);
    }

    private static RequestView withToken(RequestView v, String token) {
        return new RequestView(v.id(), v.state(), v.licenseeName(), v.licenseeTenantId(), v.licenseeCountry(),
                v.offerId(), v.offerVersion(), v.patents(), v.climateTags(), v.intendedUse(), v.countries(),
                v.decisions(), v.refusalReason(), v.licenceId(), v.createdAt(), v.decidedAt(), token);
    }

    private static String reasons(List<PolicyAnswer> answers, Outcome outcome) {
        return String.join("; ", answers.stream().filter(a -> a.outcome().equals(outcome.name().toLowerCase(
                Locale.ROOT))).flatMap(a -> a.reasons().stream().map(r -> a.policy() + ": " + r)).toList());
    }

    /** The requested patents and those under the requested tags, in the pool today. */
    private List<String> allPatents(LicenceRequest request) {
        Set<String> all = new TreeSet<>(request.patents());
        LocalDate today = today();
        for (String tag : request.climateTags()) {
            catalogue.withClimateTag(tag).stream().filter(p -> p.licensable(today)).filter(p -> !p.demo())
                    .forEach(p -> all.add(p.publicationNumber()));
        }
        return new ArrayList<>(all);
    }

    private LicenceRequestFacts facts(LicenceRequest r, Offer offer, List<String> patents) {
        boolean goodStanding = r.licenseeTenant() != null && identity.tenant(r.licenseeTenant())
                .filter(t -> !t.suspended()).isPresent() && !hasOverdueReports(r.licenseeTenant());
        return new LicenceRequestFacts(r.id(), r.licenseeName(), r.licenseeTenant(), r.licenseeCountry(),
                goodStanding, offer.id(), offer.version(), offer.standard(), patents, r.climateTags(),
                r.intendedUse(), r.countries(), terminatedLicences(r));
    }

    private int terminatedLicences(LicenceRequest r) {
        return database.readAcrossTenants("licensing: prior terminations", em -> em.createQuery(
                "select count(l) from Licence l where l.state = 'TERMINATED' and " + (r.licenseeTenant() != null
                        ? "l.licenseeTenant = :who" : "l.licenseeTenant is null and l.licenseeName = :who"),
                Long.class).setParameter("who", r.licenseeTenant() != null ? r.licenseeTenant() : r.licenseeName())
                .getSingleResult()).intValue();
    }

    /** A suspended licence, or a report past its grace period, puts a member out of good standing. */
    private boolean hasOverdueReports(String tenant) {
        long suspended = database.readAcrossTenants("licensing: good standing", em -> em.createQuery(
                "select count(l) from Licence l where l.licenseeTenant = :t and l.state = 'SUSPENDED'", Long.class)
                .setParameter("t", tenant).getSingleResult());
        if (suspended > 0) {
            return true;
        }
        LocalDate cutoff = today().minusYears(1).minusDays(graceDays);
        List<Licence> old = database.readAcrossTenants("licensing: good standing", em -> em.createQuery(
                "select l from Licence l where l.licenseeTenant = :t and l.state = 'ACTIVE' and l.startsOn < :cutoff",
                Licence.class).setParameter("t", tenant).setParameter("cutoff", cutoff).getResultList());
        Map<String, Set<Integer>> filed = filedYears(old.stream().map(Licence::id).toList());
        return old.stream().anyMatch(l -> dueReports(l, filed.getOrDefault(l.id(), Set.of())).stream()
                .anyMatch(DueReport::overdue));
    }

    @Override
    public RequestView grant(String requestId, AlliancePrincipal caller) {
        try {
            return transactions.atomically(() -> decideGrant(requestId, caller.username()));
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ApiException(409, "conflict", "The request was decided by someone else at the same moment; "
                    + "read it again.");
        }
    }

    @Override
    public RequestView refuse(String requestId, String reason, AlliancePrincipal caller) {
        return transactions.atomically(() -> decideRefuse(requestId, reason, caller.username()));
    }

    private LicenceRequest openRequest(String id) {
        LicenceRequest r = database.inTransaction(em -> em.find(LicenceRequest.class, id,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
        if (r == null) {
            throw ApiException.notFound("There is no licence request " + id + ".");
        }
        if (r.state() == LicenceRequest.State.GRANTED || r.state() == LicenceRequest.State.REFUSED) {
            throw new ApiException(409, "conflict", "The request was already " + r.state().name()
                    .toLowerCase(Locale.ROOT) + ".");
        }
        return r;
    }

    /** Creates the licence: the exact patents today, the offer version, its canonical JSON and digest. */
    private RequestView decideGrant(String requestId, String by) {
        LicenceRequest r = openRequest(requestId);
        Offer offer = version(r.offerId(), r.offerVersion()).orElseThrow();
        List<String> patents = allPatents(r);
        LocalDate today = today();
        // One catalogue read per patent: availability, licensors and the last expiry from the same summaries.
        List<String> unavailable = new ArrayList<>();
        Set<String> licensors = new TreeSet<>();
        LocalDate lastExpiry = null;
        for (String number : patents) {
            PatentSummary p = catalogue.find(number).filter(found -> found.licensable(today)).orElse(null);
            if (p == null) {
                unavailable.add(number);
                continue;
            }
            licensors.add(p.memberTenantId());
            if (p.expiryDate() != null && (lastExpiry == null || p.expiryDate().isAfter(lastExpiry))) {
                lastExpiry = p.expiryDate();
            }
        }
        if (patents.isEmpty() || !unavailable.isEmpty()) {
            throw new ApiException(409, "conflict", patents.isEmpty() ? "No pooled patent is licensable under the "
                    + "requested climate tags today." : "Not licensable today: " + String.join(", ", unavailable));
        }
        LocalDate end = today.plusYears(termYears);
        if (lastExpiry != null && lastExpiry.isBefore(end)) {
            end = lastExpiry;
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the column keeps it
        String canonical = LicenceDigest.canonical(id, r, List.copyOf(licensors), patents, offer, today, end, now);
        Licence licence = new Licence(id, r.id(), r.licenseeTenant(), r.licenseeName(), List.copyOf(licensors),
                patents, offer.id(), offer.version(), today, end, canonical, Secrets.sha256Hex(canonical), now);
        licence.namePublicly(r.publicName());
        r.decided(LicenceRequest.State.GRANTED, null, id, by, now);
        database.inTransaction(em -> {
            em.persist(licence);
            licensors.forEach(t -> em.persist(new LicenceLicensor(id, t)));
            em.merge(r);
            return null;
        });
        audit.record("licensing.granted", r.licenseeTenant(), id, null, JsonText.write(Map.of("request", r.id(),
                "patents", patents.size(), "by", by, "digest", licence.digest())));
        post(LicensingEvents.GRANTED, LicensingEvents.LICENCE_ID, id, LicensingEvents.REQUEST_ID, r.id(),
                LicensingEvents.LICENSEE_TENANT_ID, r.licenseeTenant(),
                LicensingEvents.LICENSOR_TENANT_IDS, String.join(",", licensors));
        return view(r, null);
    }

    private RequestView decideRefuse(String requestId, String reason, String by) {
        LicenceRequest r = openRequest(requestId);
        r.decided(LicenceRequest.State.REFUSED, fit(reason), null, by, clock.instant());
        update(r);
        audit.record("licensing.refused", r.licenseeTenant(), r.id(), null, JsonText.write(Map.of("reason", reason,
                "by", by)));
        post(LicensingEvents.REFUSED, LicensingEvents.REQUEST_ID, r.id(), LicensingEvents.REASON, reason,
                LicensingEvents.LICENSEE_TENANT_ID, r.licenseeTenant());
        return view(r, null);
    }

    /** Reasons are stored in 2,000 characters (a plugin's reasons are not bounded). */
    private static String fit(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…";
    }

    private void update(Object row) {
        database.inTransaction(em -> em.merge(row));
    }

    /** Posts after commit; {@code keysAndValues} alternate, and a null value (a non-member licensee) is left out. */
    private void post(String topic, String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                properties.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        transactions.afterCommit(() -> events.postEvent(new Event(topic, properties)));
    }

    @Override
    public List<RequestView> requests(AlliancePrincipal caller, String state) {
        String filter = state == null ? "" : " and r.state = :state";
        List<LicenceRequest> rows = database.readAcrossTenants("licensing: requests", em -> {
            var q = em.createQuery("select r from LicenceRequest r where (:all = true or r.licenseeTenant = :t)"
                    + filter + " order by r.createdAt desc", LicenceRequest.class)
                    .setParameter("all", Access.secretariat(caller)).setParameter("t", String.valueOf(
                            caller.tenantId()));
            if (state != null) {
                q.setParameter("state", state.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            return q.setMaxResults(500).getResultList();
        });
        return rows.stream().map(r -> view(r, null)).toList();
    }

    @Override
    public Optional<RequestView> request(String id, AlliancePrincipal caller, String token) {
        LicenceRequest r = database.readAcrossTenants("licensing: a request", em -> em.find(LicenceRequest.class, id));
        return Optional.ofNullable(r).filter(x -> Access.mayRead(x, caller, token)).map(x -> view(x, null));
    }

    private static RequestView view(LicenceRequest r, String token) {
        List<PolicyAnswer> answers = List.of(JsonText.read(r.decisionsJson(), PolicyAnswer[].class));
        return new RequestView(r.id(), r.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                r.licenseeName(), r.licenseeTenant(), r.licenseeCountry(), r.offerId(), r.offerVersion(),
                r.patents(), r.climateTags(), r.intendedUse(), r.countries(), answers, r.refusalReason(),
                r.licenceId(), r.createdAt(), r.decidedAt(), token);
    }

    // ---- licences

    @Override
    public List<LicenceView> licences(AlliancePrincipal caller, boolean overdueOnly, int offset, int limit) {
        boolean all = Access.secretariat(caller);
        List<Licence> rows;
        if (all) {
            rows = database.readAcrossTenants("licensing: licences", em -> em.createQuery(
                    "select l from Licence l order by l.grantedAt desc, l.id", Licence.class)
                    .setFirstResult(offset).setMaxResults(limit).getResultList());
        } else {
            // Held and granted, each read by its index as ids only, then merged, then the page's rows read: one
            // query with "or" would read every licence, and whole rows carry the licence documents.
            int window = offset + limit;
            java.util.Map<String, Instant> ids = new HashMap<>();
            for (String query : List.of("select l.id, l.grantedAt from Licence l where l.licenseeTenant = :t "
                    + "order by l.grantedAt desc, l.id", "select l.id, l.grantedAt from Licence l, LicenceLicensor x "
                    + "where x.licenceId = l.id and x.licensorTenant = :t order by l.grantedAt desc, l.id")) {
                database.readAcrossTenants("licensing: licences held and granted", em -> em.createQuery(query,
                        Object[].class).setParameter("t", caller.tenantId()).setMaxResults(window).getResultList())
                        .forEach(row -> ids.put((String) row[0], (Instant) row[1]));
            }
            List<String> page = ids.entrySet().stream().sorted(Map.Entry.<String, Instant>comparingByValue()
                    .reversed().thenComparing(Map.Entry.comparingByKey())).skip(offset).limit(limit)
                    .map(Map.Entry::getKey).toList();
            Map<String, Licence> byId = new HashMap<>();
            if (!page.isEmpty()) {
                database.readAcrossTenants("licensing: licences", em -> em.createQuery(
                        "select l from Licence l where l.id in :ids", Licence.class).setParameter("ids", page)
                        .getResultList()).forEach(l -> byId.put(l.id(), l));
            }
            rows = page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        }
        Map<String, Set<Integer>> filed = filedYears(rows.stream().map(Licence::id).toList());
        return rows.stream().map(l -> view(l, filed.getOrDefault(l.id(), Set.of()))).filter(v -> !overdueOnly
                || v.dueReports().stream().anyMatch(DueReport::overdue)).toList();
    }

    /** The years reported on, for many licences in a few queries (a list is not one query per licence). */
    private Map<String, Set<Integer>> filedYears(List<String> licenceIds) {
        Map<String, Set<Integer>> filed = new HashMap<>();
        for (int from = 0; from < licenceIds.size(); from += 1000) {
            List<String> chunk = licenceIds.subList(from, Math.min(licenceIds.size(), from + 1000));
            database.readAcrossTenants("licensing: reports", em -> em.createQuery("select r.licenceId, "
                    + "r.periodYear from LicenceReport r where r.licenceId in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()).forEach(row -> filed.computeIfAbsent(
                            (String) row[0], k -> new HashSet<>()).add((Integer) row[1]));
        }
        return filed;
    }

    @Override
    public Optional<LicenceView> licence(String id, AlliancePrincipal caller, String token) {
        return readable(id, caller, token).map(this::view);
    }

    private Optional<Licence> readable(String id, AlliancePrincipal caller, String token) {
        Licence l = database.readAcrossTenants("licensing: a licence", em -> em.find(Licence.class, id));
        if (l == null) {
            return Optional.empty();
        }
        LicenceRequest r = token == null ? null : database.readAcrossTenants("licensing: a request",
                em -> em.find(LicenceRequest.class, l.requestId()));
        return Access.mayRead(l, caller, r, token) ? Optional.of(l) : Optional.empty();
    }

    private LicenceView view(Licence l) {
        return view(l, filedYears(List.of(l.id())).getOrDefault(l.id(), Set.of()));
    }

    private LicenceView view(Licence l, Set<Integer> filed) {
        List<DueReport> due = l.state() == Licence.State.ACTIVE ? dueReports(l, filed) : List.of();
        return new LicenceView(l.id(), l.requestId(), l.licenseeName(), l.licenseeTenant(), l.licensors(),
                l.patents(), l.offerId(), l.offerVersion(), l.startsOn(), l.endsOn(),
                (l.state() == Licence.State.ACTIVE && l.endsOn() != null && today().isAfter(l.endsOn())
                        ? Licence.State.EXPIRED : l.state()).name().toLowerCase(Locale.ROOT),
                l.terminationReason(), l.terminatedAt(), l.digest(), l.grantedAt(),
                due.stream().noneMatch(DueReport::overdue), due);
    }

    /** Reports due so far and not filed: one per licence year, due on each anniversary of the start. */
    private List<DueReport> dueReports(Licence l, Set<Integer> filed) {
        LocalDate today = today();
        List<DueReport> due = new ArrayList<>();
        for (int year = 1; !l.startsOn().plusYears(year).isAfter(today) && year <= 100
                && (l.endsOn() == null || !l.startsOn().plusYears(year - 1).isAfter(l.endsOn())); year++) {
            int period = l.startsOn().plusYears(year - 1).getYear();
            LocalDate dueOn = l.startsOn().plusYears(year);
            if (!filed.contains(period)) {
                due.add(new DueReport(period, dueOn, today.isAfter(dueOn.plusDays(graceDays))));
            }
        }
        return due;
    }

    @Override
    public Verification verify(String id, AlliancePrincipal caller, String token) {
        Licence l = readable(id, caller, token).orElseThrow(() -> ApiException.notFound("There is no licence " + id
                + " you may read."));
        return LicenceDigest.verify(l);
    }

    @Override
    public void checkLicensee(String licenceId, AlliancePrincipal caller) {
        readable(licenceId, caller, null).filter(x -> Access.isLicensee(x, caller)).orElseThrow(() ->
                ApiException.notFound("Your organisation holds no licence " + licenceId + "."));
    }

    @Override
    public ReportView fileReport(String licenceId, ReportForm form, AlliancePrincipal caller) {
        Licence l = readable(licenceId, caller, null).filter(x -> Access.isLicensee(x, caller)).orElseThrow(() ->
                ApiException.notFound("Your organisation holds no licence " + licenceId + "."));
        if (l.state() != Licence.State.ACTIVE && l.state() != Licence.State.SUSPENDED) {
            throw new ApiException(409, "conflict", "The licence is " + l.state().name().toLowerCase(Locale.ROOT)
                    + "; reports are filed on active licences.");
        }
        if (l.endsOn() != null && form.periodYear() > l.endsOn().getYear()) {
            throw ApiException.badRequest("periodYear: the licence ended on " + l.endsOn(), List.of(
                    "periodYear: the licence ended on " + l.endsOn()));
        }
        if (form.periodYear() < l.startsOn().getYear() || form.periodYear() > today().getYear()) {
            throw ApiException.badRequest("periodYear: from " + l.startsOn().getYear() + " (the licence's start) to "
                    + today().getYear(), List.of("periodYear: from " + l.startsOn().getYear() + " to "
                            + today().getYear()));
        }
        LicenceReport report = new LicenceReport(UUID.randomUUID().toString(), l.id(), form.periodYear(),
                form.products().strip(), form.capacity(), form.capacityUnit().strip(), form.avoidedTco2e(),
                form.method().strip(), clock.instant(), caller.username());
        try {
            transactions.atomically(() -> {
                database.inTransaction(em -> {
                    em.persist(report);
                    return null;
                });
                audit.record("licensing.report-filed", l.licenseeTenant(), l.id(), null, JsonText.write(Map.of(
                        "periodYear", form.periodYear(), "avoidedTco2e", form.avoidedTco2e().toPlainString())));
                return null;
            });
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ApiException(409, "conflict", "A report for " + form.periodYear() + " was already filed.");
        }
        return reportView(report);
    }

    private static ReportView reportView(LicenceReport r) {
        return new ReportView(r.id(), r.licenceId(), r.periodYear(), r.products(), r.capacity(), r.capacityUnit(),
                r.avoidedTco2e(), r.method(), r.filedAt());
    }

    @Override
    public List<ReportView> reports(String licenceId, AlliancePrincipal caller) {
        readable(licenceId, caller, null).orElseThrow(() -> ApiException.notFound("There is no licence " + licenceId
                + " you may read."));
        return database.readAcrossTenants("licensing: reports", em -> em.createQuery(
                "select r from LicenceReport r where r.licenceId = :id order by r.periodYear", LicenceReport.class)
                .setParameter("id", licenceId).getResultList()).stream().map(LicensingImpl::reportView).toList();
    }

    @Override
    public LicenceView withdraw(String licenceId, String reason, AlliancePrincipal caller) {
        readable(licenceId, caller, null).filter(x -> Access.isLicensee(x, caller)).orElseThrow(() ->
                ApiException.notFound("Your organisation holds no licence " + licenceId + "."));
        return view(transactions.atomically(() -> terminate(licenceId, "withdrawn by the licensee: " + reason,
                caller.username())));
    }

    @Override
    public LicenceView suspend(String licenceId, boolean suspended, String reason, AlliancePrincipal caller) {
        return view(transactions.atomically(() -> {
            Licence l = database.inTransaction(em -> em.find(Licence.class, licenceId,
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
            if (l == null) {
                throw ApiException.notFound("There is no licence " + licenceId + ".");
            }
            Licence.State from = suspended ? Licence.State.ACTIVE : Licence.State.SUSPENDED;
            if (l.state() != from) {
                throw new ApiException(409, "conflict", "The licence is " + l.state().name().toLowerCase(Locale.ROOT)
                        + "; only " + from.name().toLowerCase(Locale.ROOT) + " licences can be "
                        + (suspended ? "suspended" : "reinstated") + ".");
            }
            l.suspend(suspended, suspended ? fit("suspended: " + reason) : l.terminationReason());
            update(l);
            audit.record(suspended ? "licensing.suspended" : "licensing.reinstated", l.licenseeTenant(), l.id(),
                    null, JsonText.write(Map.of("reason", String.valueOf(reason), "by", caller.username())));
            return l;
        }));
    }

    private Licence terminate(String licenceId, String reason, String by) {
        Licence l = database.inTransaction(em -> em.find(Licence.class, licenceId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
        if (l.state() != Licence.State.ACTIVE && l.state() != Licence.State.SUSPENDED) {
            throw new ApiException(409, "conflict", "The licence is already " + l.state().name()
                    .toLowerCase(Locale.ROOT) + ".");
        }
        l.terminate(fit(reason), clock.instant());
        update(l);
        audit.record("licensing.terminated", l.licenseeTenant(), l.id(), null, JsonText.write(Map.of("reason",
                reason, "by", by)));
        post(LicensingEvents.TERMINATED, LicensingEvents.LICENCE_ID, l.id(), LicensingEvents.REASON, reason,
                LicensingEvents.LICENSEE_TENANT_ID, l.licenseeTenant(),
                LicensingEvents.LICENSOR_TENANT_IDS, String.join(",", l.licensors()));
        return l;
    }

    // ---- defensive termination

    @Override
    public AssertionView recordAssertion(AssertionForm form, AlliancePrincipal caller) {
        String name = form.licenseeName();
        if (form.licenseeTenantId() != null) {
            name = identity.tenant(form.licenseeTenantId()).map(Tenant::name).orElseThrow(() -> ApiException
                    .badRequest("licenseeTenantId: no such member", List.of("licenseeTenantId: no such member")));
        } else if (name == null) {
            throw ApiException.badRequest("Name the licensee: licenseeTenantId, or licenseeName for a non-member.",
                    List.of("licenseeTenantId: or licenseeName"));
        }
        Assertion a = new Assertion(UUID.randomUUID().toString(), form.licenseeTenantId(), name.strip(),
                form.against().strip(), form.evidenceLink(), clock.instant(), caller.username());
        transactions.atomically(() -> {
            database.inTransaction(em -> {
                em.persist(a);
                return null;
            });
            audit.record("licensing.assertion-recorded", a.licenseeTenant(), a.id(), null, JsonText.write(Map.of(
                    "licensee", a.licenseeName(), "against", a.against())));
            return null;
        });
        return assertionView(a, activeLicencesOf(a).stream().map(Licence::id).toList());
    }

    private List<Licence> activeLicencesOf(Assertion a) {
        return database.readAcrossTenants("licensing: licences of an asserting licensee", em -> em.createQuery(
                "select l from Licence l where l.state in ('ACTIVE', 'SUSPENDED') and " + (a.licenseeTenant() != null
                        ? "l.licenseeTenant = :who" : "l.licenseeTenant is null and l.licenseeName = :who"),
                Licence.class).setParameter("who", a.licenseeTenant() != null ? a.licenseeTenant()
                        : a.licenseeName()).getResultList());
    }

    @Override
    public AssertionView confirmAssertion(String id, AlliancePrincipal caller) {
        return transactions.atomically(() -> {
            Assertion a = database.inTransaction(em -> em.find(Assertion.class, id,
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
            if (a == null) {
                throw ApiException.notFound("There is no assertion " + id + ".");
            }
            if (a.confirmedAt() != null) {
                throw new ApiException(409, "conflict", "The assertion was already confirmed on " + a.confirmedAt()
                        + ".");
            }
            List<String> ended = new ArrayList<>();
            for (Licence l : activeLicencesOf(a)) {
                terminate(l.id(), "defensive termination: asserted a patent against " + a.against() + " ("
                        + a.evidenceLink() + ")", caller.username());
                ended.add(l.id());
            }
            a.confirm(caller.username(), clock.instant());
            update(a);
            return assertionView(a, ended);
        });
    }

    private static AssertionView assertionView(Assertion a, List<String> licences) {
        return new AssertionView(a.id(), a.licenseeTenant(), a.licenseeName(), a.against(), a.evidenceLink(),
                a.recordedAt(), a.confirmedAt(), licences);
    }

    // ---- public counts

    @Override
    public Stats stats() {
        List<Licence> active = activeLicences();
        Map<String, List<Licence>> byTag = new TreeMap<>();
        Map<String, List<String>> tagsOfPatent = new HashMap<>();
        for (Licence l : active) {
            Set<String> tags = new LinkedHashSet<>();
            for (String number : l.patents()) {
                tags.addAll(tagsOfPatent.computeIfAbsent(number, n -> catalogue.find(n)
                        .map(PatentSummary::climateTags).orElse(List.of())));
            }
            tags.forEach(t -> byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(l));
        }
        List<Counts> counts = byTag.entrySet().stream().map(e -> counts(e.getKey(), e.getValue())).toList();
        return new Stats(active.size(), counts(null, active).licensees(), counts);
    }

    @Override
    public Counts patentCounts(String publicationNumber) {
        String key = catalogue.find(publicationNumber).map(PatentSummary::publicationNumber).orElseThrow(() ->
                ApiException.notFound("There is no patent " + publicationNumber + " in the pool."));
        return counts(key, activeLicences().stream().filter(l -> l.patents().contains(key)).toList());
    }

    private List<Licence> activeLicences() {
        return database.readAcrossTenants("licensing: public counts", em -> em.createQuery(
                "select l from Licence l where l.state = 'ACTIVE'", Licence.class).getResultList());
    }

    private Counts counts(String key, List<Licence> licences) {
        Set<String> licensees = new HashSet<>();
        Set<String> countries = new HashSet<>();
        Set<String> named = new TreeSet<>();
        for (Licence l : licences) {
            licensees.add(l.licenseeTenant() != null ? l.licenseeTenant() : "name:" + l.licenseeName());
            if (l.publicName()) {
                named.add(l.licenseeName());
            }
            countries.addAll(JsonText.read(l.canonicalJson(), LicenceDigest.Canonical.class).countries());
        }
        return new Counts(key, licences.size(), licensees.size(), countries.size(), List.copyOf(named));
    }
}
