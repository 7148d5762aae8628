package org.carbonalliance.patentpool.impl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PatentSource;
import org.carbonalliance.patentpool.impl.ImportJob.State;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Imports}: uploads in {@code data/patentpool/imports}, jobs in pp_import, one worker thread. */
@Component(service = Imports.class, configurationPid = "org.carbonalliance.patentpool")
public class ImportsImpl implements Imports {

    private static final Logger LOG = LoggerFactory.getLogger(ImportsImpl.class);
    /** Items stored per transaction; the job's counters commit with them. */
    static final int BATCH = 200;
    /** Rejections kept per job (all are counted). */
    static final int KEPT_REJECTIONS = 1000;
    private static final int SHOWN_REJECTIONS = 200;
    /** Runs of one job before it is given up: a job that stopped the server each time must not do so for ever. */
    static final int MAX_ATTEMPTS = 3;
    /** A reader that hands over nothing for this long is abandoned. */
    private static final java.time.Duration STALL = java.time.Duration.ofMinutes(10);
    /** How long the first look at an upload may take. */
    static final java.time.Duration PROBE_LIMIT = java.time.Duration.ofSeconds(60);
    /** Unfinished jobs one organisation (or the secretariat) may have queued. */
    static final int MAX_UNFINISHED = 3;
    /** Disk space left free for the database whatever uploads arrive. */
    private static final long DISK_RESERVE = 512L << 20;

    private final Database database;
    private final Patents patents;
    private final PatentSources sources;
    private final IdentityService identity;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Path directory;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alliance-patent-import");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    private volatile long maxExpandedBytes;

    @Activate
    public ImportsImpl(@Reference PoolDatabase pool, @Reference Patents patents, @Reference PatentSources sources,
            @Reference IdentityService identity, @Reference Transactions transactions, @Reference AuditLog audit,
            BundleContext context, PatentPoolConfig config) throws IOException {
        this(pool.database(), patents, sources, identity, transactions, audit,
                Path.of(Optional.ofNullable(context.getProperty("alliance.data")).orElse("data"), "patentpool",
                        "imports"));
        configure(config);
        resumeUnfinished();
    }

    ImportsImpl(Database database, Patents patents, PatentSources sources, IdentityService identity,
            Transactions transactions, AuditLog audit, Path directory) throws IOException {
        this.database = database;
        this.patents = patents;
        this.sources = sources;
        this.identity = identity;
        this.transactions = transactions;
        this.audit = audit;
        this.directory = Files.createDirectories(directory);
        this.maxExpandedBytes = 4L << 30;
    }

    @Modified
    void configure(PatentPoolConfig config) {
        this.maxExpandedBytes = config.maxExpandedBytes();
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }

    @Override
    public List<Format> formats() {
        return sources.all().stream().map(e -> new Format(e.getKey(), sources.description(e.getKey(), e.getValue()),
                sources.isBuiltIn(e.getKey()))).toList();
    }

    @Override
    public ImportView start(String format, String fileName, InputStream upload, AlliancePrincipal caller) {
        PatentSource source = sources.get(format).orElseThrow(() -> ApiException.badRequest(
                "Unknown import format '" + format + "'; GET /api/patentpool/imports/formats lists them.",
                List.of("format: one of " + formats().stream().map(Format::format).toList())));
        String tenant = importingTenant(caller);
        if (unfinished(tenant) >= MAX_UNFINISHED) {
            throw ApiException.tooManyRequests("Your organisation has " + MAX_UNFINISHED + " imports waiting or "
                    + "running; start this one when one of them has finished.", 60);
        }
        String id = UUID.randomUUID().toString();
        Path part = directory.resolve(id + ".part");
        long size;
        try {
            size = UploadStore.store(upload, part, maxExpandedBytes, DISK_RESERVE);
            probeInTime(source, format, part);
        } catch (IOException e) {
            delete(part);
            throw ApiException.badRequest("The upload could not be read: " + e.getMessage(), List.of());
        } catch (RuntimeException e) {
            delete(part);
            throw e;
        }
        String name = fileName == null || fileName.isBlank() ? null
                : fileName.strip().replaceAll("[\\p{Cntrl}/\\\\]", "_");
        ImportJob job = new ImportJob(id, tenant, caller.username(), format,
                name == null ? null : name.substring(0, Math.min(200, name.length())), size, clock.instant());
        try {
            Files.move(part, file(id), StandardCopyOption.ATOMIC_MOVE);
            transactions.atomically(() -> {
                database.inTransaction(em -> {
                    em.persist(job);
                    return null;
                });
                audit.record("patentpool.import-started", tenant, id, null, JsonText.write(Map.of("format", format,
                        "bytes", size)));
                return null;
            });
        } catch (IOException | RuntimeException e) {
            delete(part);
            delete(file(id));
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        worker.submit(() -> run(id));
        return view(id, true).orElseThrow();
    }

    private long unfinished(String tenant) {
        return database.readAcrossTenants("patent pool: unfinished imports of one organisation", em -> {
            var query = em.createQuery("select count(j) from ImportJob j where j.state in ('QUEUED', 'RUNNING') and "
                    + (tenant == null ? "j.tenantId is null" : "j.tenantId = :tenant"), Long.class);
            return (tenant == null ? query : query.setParameter("tenant", tenant)).getSingleResult();
        });
    }

    /**
     * Reads the start of the stored file with the format, through {@link PluginCalls} with a limit of 60 s (a
     * plugin's reader that never answers must not hold the request): a file the format cannot read at all, or whose
     * every item is refused (when the file is small enough to read whole here), is a 400 and no job.
     */
    private void probeInTime(PatentSource source, String format, Path file) throws IOException {
        ProbeSink sink = new ProbeSink(Files.size(file) <= 1 << 20);
        Object unreadable;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            unreadable = sources.calls().call(source, "PatentSource '" + format + "'.read", PROBE_LIMIT, () -> {
                try {
                    source.read(in, sink);
                    return null;
                } catch (IOException e) {
                    return e; // the documented answer "not a file of this format": not a failure of the plugin
                }
            });
        } catch (PluginCallException e) {
            throw ApiException.badRequest(switch (e.kind()) {
                case FAILED -> "The " + format + " reader failed on the file: " + e.getCause();
                case TIMED_OUT -> "The " + format + " reader did not finish looking at the start of the file within "
                        + PROBE_LIMIT.toSeconds() + " seconds; nothing was imported.";
                case HUNG -> "The " + format + " reader is not answering (earlier reads are still running past "
                        + "their limit); nothing was imported.";
            }, List.of());
        }
        if (unreadable instanceof IOException e) {
            throw ApiException.badRequest("The file cannot be read as " + format + ": " + e.getMessage(), List.of());
        }
        if (sink.accepted.get() == 0 && (sink.small || !sink.rejected.isEmpty())) {
            throw ApiException.badRequest(sink.rejected.isEmpty() ? "The file holds no " + format + " records."
                    : "Nothing in the file can be imported; see details.", List.copyOf(sink.rejected));
        }
    }

    /** What the first look at an upload saw: the whole of a small file, the start of a big one. */
    private static final class ProbeSink implements PatentSource.Sink {
        final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
        final List<String> rejected = new java.util.concurrent.CopyOnWriteArrayList<>();
        final boolean small;

        ProbeSink(boolean small) {
            this.small = small;
        }

        @Override
        public boolean accept(long item, PatentData patent) {
            accepted.incrementAndGet();
            return small;
        }

        @Override
        public boolean reject(long item, String reason) {
            if (rejected.size() < 20) {
                rejected.add("item " + item + ": " + reason);
            }
            return small || rejected.size() < 20;
        }
    }

    /** Members import for their own organisation; the secretariat's rows name their member. */
    private String importingTenant(AlliancePrincipal caller) {
        if (caller.tenantId() == null && caller.hasRole(Roles.ALLIANCE_ADMIN)) {
            return null;
        }
        if (identity.tenant(caller.tenantId()).filter(t -> !t.suspended()).isEmpty()) {
            throw ApiException.forbidden("Your organisation's membership is suspended.");
        }
        return caller.tenantId();
    }

    @Override
    public Optional<ImportView> find(String id, AlliancePrincipal caller) {
        return view(id, false).filter(v -> visible(v, caller));
    }

    private static boolean visible(ImportView job, AlliancePrincipal caller) {
        return caller.tenantId() == null ? caller.hasRole(Roles.ALLIANCE_ADMIN)
                : caller.tenantId().equals(job.memberTenantId());
    }

    @Override
    public List<ImportView> recent(AlliancePrincipal caller) {
        boolean secretariat = caller.tenantId() == null && caller.hasRole(Roles.ALLIANCE_ADMIN);
        List<String> ids = database.readAcrossTenants("patent pool: import jobs", em -> em.createQuery(
                "select j.id from ImportJob j where :all = true or j.tenantId = :tenant order by j.createdAt desc",
                String.class).setParameter("all", secretariat).setParameter("tenant", String.valueOf(
                        caller.tenantId())).setMaxResults(50).getResultList());
        return ids.stream().map(id -> view(id, false)).flatMap(Optional::stream).toList();
    }

    private Optional<ImportView> view(String id, boolean fresh) {
        return database.readAcrossTenants("patent pool: an import job", em -> {
            ImportJob job = em.find(ImportJob.class, id);
            if (job == null) {
                return Optional.<ImportView>empty();
            }
            List<ImportRejection> rejections = em.createQuery("select r from ImportRejection r where r.importId = :id "
                    + "order by r.item", ImportRejection.class).setParameter("id", id)
                    .setMaxResults(SHOWN_REJECTIONS + 1).getResultList();
            List<RejectedItem> shown = rejections.stream().limit(SHOWN_REJECTIONS)
                    .map(r -> new RejectedItem(r.item(), r.reason())).toList();
            return Optional.of(new ImportView(job.id(), job.format(), job.fileName(), job.sizeBytes(),
                    job.state().name().toLowerCase(java.util.Locale.ROOT), job.itemsRead(), job.imported(),
                    job.updated(), job.unchanged(), job.rejected(), job.message(), job.createdAt(), job.finishedAt(),
                    job.createdBy(), job.tenantId(), shown, job.rejected() > shown.size()));
        });
    }

    private Path file(String id) {
        return directory.resolve(id + ".upload");
    }

    /** After a restart: jobs that were queued or running go on where their last committed batch ended. */
    void resumeUnfinished() {
        List<String> unfinished = database.readAcrossTenants("patent pool: unfinished imports", em -> em.createQuery(
                "select j.id from ImportJob j where j.state in ('QUEUED', 'RUNNING') order by j.createdAt",
                String.class).getResultList());
        for (String id : unfinished) {
            LOG.info("Import {} resumes after a restart", id);
            worker.submit(() -> run(id));
        }
        // Left by a crash: a half-received upload, or one whose job was never committed.
        java.util.Set<String> waiting = new java.util.HashSet<>(unfinished);
        try (var files = Files.list(directory)) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".part") || name.endsWith(".upload")
                        && !waiting.contains(name.substring(0, name.length() - ".upload".length()));
            }).forEach(ImportsImpl::delete);
        } catch (IOException e) {
            LOG.warn("Could not clean {}: {}", directory, e.toString());
        }
    }

    private void run(String id) {
        try {
            runJob(id);
        } catch (Throwable e) { // an Error too: a job must end as failed, not stay running and fail every start
            LOG.error("Import {} failed", id, e);
            try {
                finish(id, State.FAILED, "The import failed: " + e + "; items before that were imported.");
            } catch (RuntimeException again) {
                LOG.error("Import {} could not be marked failed; it is tried again at the next start", id, again);
            }
        }
    }

    private void runJob(String id) throws InterruptedException {
        ImportJob job = database.readAcrossTenants("patent pool: import job", em -> em.find(ImportJob.class, id));
        if (job == null || !running) {
            return;
        }
        if (job.attempts() >= MAX_ATTEMPTS) {
            finish(id, State.FAILED, "Given up after " + MAX_ATTEMPTS + " attempts: the server stopped during each; "
                    + "items before that were imported. Re-import the file to finish (re-imports update).");
            return;
        }
        if (job.tenantId() != null && identity.tenant(job.tenantId()).filter(t -> !t.suspended()).isEmpty()) {
            finish(id, State.FAILED, "The member's membership is suspended; nothing more was imported.");
            return;
        }
        AlliancePrincipal importer = new AlliancePrincipal(job.createdBy(), job.tenantId(),
                job.tenantId() == null ? Set.of(Roles.ALLIANCE_ADMIN) : Set.of(Roles.MEMBER_USER));
        ImportRun batches = new ImportRun(job, importer);
        update(id, ImportJob::running);
        Optional<PatentSource> source = sources.get(job.format());
        if (source.isEmpty()) {
            finish(id, State.FAILED, "The format " + job.format() + " is no longer installed (its plugin was "
                    + "removed); install it again and re-import the file.");
            return;
        }
        // The source reads on a thread of its own, so that one that stops answering cannot hold up later jobs.
        Throwable[] failure = new Throwable[1];
        Thread reader = new Thread(() -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file(id)), 1 << 16)) {
                source.get().read(in, batches);
                batches.flush();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "alliance-patent-import-reader");
        reader.setDaemon(true);
        reader.start();
        while (reader.isAlive()) {
            reader.join(1000);
            if (reader.isAlive() && batches.idleNanos() > STALL.toNanos()) {
                batches.abandon();
                reader.interrupt();
                sources.calls().recordFailure(source.get(), "PatentSource '" + job.format() + "'.read",
                        "gave nothing for " + STALL.toMinutes() + " minutes and was abandoned (import " + id + ")");
                finish(id, State.FAILED, "The " + job.format() + " reader gave nothing for " + STALL.toMinutes()
                        + " minutes and was abandoned; items before that were imported.");
                return;
            }
        }
        if (!running) {
            return; // stopping: resumes at the next start
        }
        Throwable e = failure[0];
        if (e instanceof StorageFailure) {
            LOG.error("Import {}: items could not be stored; it resumes at the next start", id, e.getCause());
            return; // left running with its file: nothing read after the last committed batch is lost
        }
        if (e != null) {
            LOG.warn("Import {} failed: {}", id, e.toString());
            if (!(e instanceof IOException)) { // an IOException is the file's fault, anything else the reader's
                sources.calls().recordFailure(source.get(), "PatentSource '" + job.format() + "'.read",
                        "failed while importing (import " + id + "): " + e);
            }
            batches.flush();
            finish(id, State.FAILED, "The file could not be read to its end: " + e.getMessage()
                    + "; items before that were imported.");
            return;
        }
        finish(id, State.DONE, null);
    }

    /** Storing failed at the database (not a refused item): the job stops where its last batch committed. */
    private static final class StorageFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StorageFailure(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void finish(String id, State state, String message) {
        update(id, j -> j.finish(state, message, clock.instant()));
        delete(file(id));
        LOG.info("Import {} {}", id, state.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void update(String id, java.util.function.Consumer<ImportJob> change) {
        transactions.atomically(() -> database.inTransaction(em -> {
            change.accept(em.find(ImportJob.class, id));
            return null;
        }));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    /** The sink a source writes to: skips items done before a restart, stores the rest in batches. */
    private final class ImportRun implements PatentSource.Sink {
        private final String id;
        private final String tenant;
        private final AlliancePrincipal importer;
        private final long resumeAfter;
        private final List<Object[]> batch = new ArrayList<>();
        private long keptRejections;

        ImportRun(ImportJob job, AlliancePrincipal importer) {
            this.id = job.id();
            this.tenant = job.tenantId();
            this.importer = importer;
            this.resumeAfter = job.lastItem();
            this.keptRejections = Math.min(job.rejected(), KEPT_REJECTIONS);
        }

        @Override
        public boolean accept(long item, PatentData patent) {
            return add(item, patent);
        }

        @Override
        public boolean reject(long item, String reason) {
            return add(item, reason == null ? "unreadable" : reason);
        }

        private volatile long lastActivity = System.nanoTime();
        private boolean abandoned;

        long idleNanos() {
            return System.nanoTime() - lastActivity;
        }

        synchronized void abandon() {
            abandoned = true;
            batch.clear();
        }

        private synchronized boolean add(long item, Object outcome) {
            lastActivity = System.nanoTime();
            if (!running || abandoned) {
                return false;
            }
            if (item > resumeAfter) {
                batch.add(new Object[] {item, outcome});
                if (batch.size() >= BATCH) {
                    flush();
                }
            }
            return running;
        }

        synchronized void flush() {
            if (batch.isEmpty() || abandoned) {
                return;
            }
            List<Object[]> items = List.copyOf(batch);
            batch.clear();
            try {
                transactions.atomically(() -> storeAll(items));
            } catch (RuntimeException e) {
                // One item broke the batch at the database (a concurrent contribution, say): one at a time instead.
                for (Object[] item : items) {
                    try {
                        transactions.atomically(() -> storeAll(List.<Object[]>of(item)));
                    } catch (RuntimeException failed) {
                        LOG.warn("Import {}: item {} could not be stored", id, item[0], failed);
                        Object[] refused = {item[0], "could not be stored: " + failed.getClass().getSimpleName()};
                        try {
                            transactions.atomically(() -> storeAll(List.<Object[]>of(refused)));
                        } catch (RuntimeException storage) {
                            throw new StorageFailure(storage);
                        }
                    }
                }
            }
        }

        /** Stores items and the job's progress in the caller's transaction. */
        private Void storeAll(List<Object[]> items) {
            long imported = 0, updated = 0, unchanged = 0, last = 0;
            List<ImportRejection> rejections = new ArrayList<>();
            for (Object[] entry : items) {
                long item = (Long) entry[0];
                last = Math.max(last, item);
                String reason = entry[1] instanceof String text ? text : null;
                if (reason == null) {
                    try {
                        PatentData data = (PatentData) entry[1];
                        String owner = tenant != null ? tenant : secretariatMember(data);
                        switch (patents.store(data, owner, asOwner(owner), false)) {
                            case IMPORTED -> imported++;
                            case UPDATED -> updated++;
                            case UNCHANGED -> unchanged++;
                        }
                    } catch (ApiException e) {
                        reason = e.details().isEmpty() ? e.getMessage() : String.join("; ", e.details());
                    }
                }
                if (reason != null) {
                    rejections.add(new ImportRejection(id, item, reason));
                }
            }
            long[] counts = {imported, updated, unchanged, last};
            database.inTransaction(em -> {
                ImportJob job = em.find(ImportJob.class, id);
                job.progress(items.size(), counts[0], counts[1], counts[2], rejections.size(), counts[3]);
                for (ImportRejection r : rejections) {
                    if (keptRejections < KEPT_REJECTIONS && em.find(ImportRejection.class, key(r)) == null) {
                        em.persist(r);
                        keptRejections++;
                    }
                }
                return null;
            });
            return null;
        }

        private ImportRejection.Key key(ImportRejection r) {
            return ImportRejection.Key.of(id, r.item());
        }

        private String secretariatMember(PatentData data) {
            String member = data.member();
            if (member == null || member.isBlank() || identity.tenant(member.strip()).filter(t -> !t.suspended())
                    .isEmpty()) {
                throw ApiException.badRequest("member: name the contributing member's tenant id (an active member)",
                        List.of("member: name the contributing member's tenant id (an active member)"));
            }
            return member.strip();
        }

        private AlliancePrincipal asOwner(String owner) {
            return new AlliancePrincipal(importer.username(), owner, importer.roles());
        }
    }
}
