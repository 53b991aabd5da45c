import { useMemo, useRef, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { ValidationError } from '../../model/errors';
import { useLiveQuery } from '../../db/hooks';
import { loadShareData, recordSharedPackage, type ShareData } from '../../db/repo/share';
import { withStorageErrors } from '../../db/status';
import { t } from '../../i18n';
import {
  DEFAULT_EXPIRY_WEEKS,
  NO_EXTRAS,
  assignCodes,
  buildCoachPackage,
  encryptPackageText,
  inRandomOrder,
  packageFileName,
  type BuiltPackage,
} from '../../intervisie';
import { Screen } from '../../ui/Screen';
import { CoachRemarks } from './CoachRemarks';
import { RemarksImport } from './RemarksImport';
import { ShareExport, type ExportMode } from './ShareExport';
import { SharePreview } from './SharePreview';
import { ShareSetup, type ShareForm } from './ShareSetup';
import { SharedList } from './SharedList';
import { canShareFile, downloadFile, fileOf, shareFile } from './saveFile';
import { coachErrorMessage, errorMessage } from './messages';
import { defaultPeriod } from './period';
import './coach.css';

/** The teacher's side of intervisie: make a package, and read the coach's remarks back. */
export function ShareScreen({ classId }: { classId: string }) {
  const data = useLiveQuery(() => loadShareData(classId), [classId]);
  const back = href('class', classId);
  if (data === undefined) {
    return (
      <Screen title={t('coach:share.title')} back={back}>
        <p class="loading">{t('common:loading')}</p>
      </Screen>
    );
  }
  return (
    <Screen title={t('coach:share.title')} back={data ? back : '#/'}>
      {data ? <ShareContent classId={classId} data={data} /> : <p>{t('coach:share.notFound')}</p>}
    </Screen>
  );
}

function ShareContent({ classId, data }: { classId: string; data: ShareData }) {
  const { source } = data;
  // Codes for pupils without one are drawn once for this screen, in a random order, so the
  // preview shows the codes the package will carry (also when the data is read again).
  const drawn = useRef<Record<string, string>>({});
  const codeMap = useMemo(() => {
    const classPupils = source.pupils.filter((p) => p.classId === source.cls.id);
    drawn.current = assignCodes(inRandomOrder(classPupils), { ...drawn.current, ...data.codeMap });
    return drawn.current;
  }, [source, data.codeMap]);
  const [form, setForm] = useState<ShareForm>(() => ({
    ...defaultPeriod(new Date()),
    label: source.cls.yearLabel.trim() || t('coach:share.defaultLabel'),
    pseudonymisation: 'codes',
    extras: { ...NO_EXTRAS },
    lensIds: [],
    expiryWeeks: DEFAULT_EXPIRY_WEEKS,
  }));
  const [packageId, setPackageId] = useState(() => crypto.randomUUID());
  const lenses = source.lenses
    .filter((l) => l.deletedAt === null)
    .sort((a, b) => a.order - b.order);
  const pupils = source.pupils;

  const build = (now: Date): BuiltPackage =>
    buildCoachPackage(source, form, { now, appVersion: __APP_VERSION__, packageId, codeMap });
  const preview = useMemo(() => {
    try {
      return { built: build(new Date()), error: null };
    } catch (e) {
      if (e instanceof ValidationError) return { built: null, error: errorMessage(e) };
      throw e;
    }
    // build reads exactly these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, codeMap, form, packageId]);

  const canShare = useMemo(() => canShareFile(fileOf('{}', 'probe.json')), []);

  const onExport = async (mode: ExportMode, passphrase: string | null): Promise<string> => {
    const now = new Date();
    const built = build(now);
    const json = JSON.stringify(built.pkg);
    // WebCrypto first, outside any transaction; then one write that remembers the package.
    let text = json;
    try {
      if (passphrase) text = JSON.stringify(await encryptPackageText(json, passphrase));
    } catch (e) {
      throw new Error(coachErrorMessage(e, 'package'));
    }
    const file = fileOf(text, packageFileName(now));
    try {
      await withStorageErrors(() => recordSharedPackage(classId, built, passphrase !== null, now));
    } catch {
      throw new Error(t('coach:errors.unknown'));
    }
    setPackageId(crypto.randomUUID());
    if (mode === 'share') {
      try {
        if (await shareFile(file)) return t('coach:export.shared');
        return '';
      } catch {
        throw new Error(t('coach:errors.shareFailed'));
      }
    }
    downloadFile(file);
    return t('coach:export.downloaded', { file: file.name });
  };

  const activePupils = pupils.filter((p) => p.removedAt === null);
  return (
    <div class="coach">
      <p>{t('coach:share.intro')}</p>
      <p>
        {t(
          form.pseudonymisation === 'initials'
            ? 'coach:share.introInitials'
            : 'coach:share.introCodes',
        )}
      </p>
      {activePupils.length === 0 ? (
        <p class="card">{t('coach:share.noPupils')}</p>
      ) : (
        <>
          <ShareSetup form={form} lenses={lenses} onChange={setForm} />
          {preview.error ? (
            <p class="field-error" role="alert">
              {preview.error}
            </p>
          ) : null}
          {preview.built ? <SharePreview built={preview.built} pupils={pupils} /> : null}
          <ShareExport ready={preview.built !== null} canShare={canShare} onExport={onExport} />
          <SharedList classId={classId} />
        </>
      )}
      <RemarksImport classId={classId} />
      <CoachRemarks classId={classId} showEmpty />
    </div>
  );
}
