/**
 * The Agency's figures ([S6.3]) from `GET /v1/statistics`: per body over the chosen months (on-time
 * rate, overdue now, extensions by reason, outcomes) and month by month, as charts (Chart.js) with
 * the same figures in a table for those who do not see the charts; and the CSV download.
 */

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { extensionReasons, decisionOutcomes } from '../../../shared/domain/vocabulary.js';
import { legalDate } from '../../../shared/time/legal-time.js';
import type { MonthFiguresView, StatisticsAnswer } from '../../../shared/validation/responses.js';
import { query, request, send } from '../api.js';
import { bodies, type Body } from '../bodies.js';
import { Alert, BodySelect, problemText } from '../components.js';
import { useI18n } from '../i18n/index.js';
import { useSession } from './session.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const palette = ['#00566b', '#c25100', '#6a3d9a', '#1e6b34', '#a4161a', '#4a5563'];

function monthsBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = (year ?? 2026) * 12 + ((number ?? 1) - 1) - count;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
}

interface BodyTotals {
  readonly bodyId: string;
  received: number;
  timely: number;
  late: number;
  overdueNow: number;
  byReason: Record<string, number>;
  outcomes: Record<string, number>;
}

function totalsByBody(items: readonly MonthFiguresView[]): BodyTotals[] {
  const totals = new Map<string, BodyTotals>();
  for (const item of items) {
    const total = totals.get(item.bodyId) ?? {
      bodyId: item.bodyId,
      received: 0,
      timely: 0,
      late: 0,
      overdueNow: 0,
      byReason: {},
      outcomes: {},
    };
    total.received += item.received;
    total.timely += item.decided.timely;
    total.late += item.decided.late;
    total.overdueNow += item.overdueNow;
    for (const [reason, n] of Object.entries(item.extended.byReason))
      total.byReason[reason] = (total.byReason[reason] ?? 0) + n;
    for (const [outcome, n] of Object.entries(item.outcomes))
      total.outcomes[outcome] = (total.outcomes[outcome] ?? 0) + n;
    totals.set(item.bodyId, total);
  }
  return [...totals.values()];
}

function BarChart({ label, config }: { label: string; config: ChartConfiguration<'bar'> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => {
      chart.destroy();
    };
  }, [config]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} height={260} />
    </div>
  );
}

export function StatisticsPage() {
  const session = useSession();
  const { t, language } = useI18n();
  const thisMonth = legalDate(Date.now()).slice(0, 7);
  const [from, setFrom] = useState(monthsBefore(thisMonth, 5));
  const [to, setTo] = useState(thisMonth);
  const [bodyId, setBodyId] = useState(session.agency ? '' : session.bodyId);
  const [answer, setAnswer] = useState<StatisticsAnswer | undefined>();
  const [directory, setDirectory] = useState<Body[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [csv, setCsv] = useState<string | undefined>();

  const path = `/v1/statistics${query({ from, to, addresseeId: bodyId === '' ? undefined : bodyId })}`;
  useEffect(() => {
    void bodies().then(setDirectory);
  }, []);
  useEffect(() => {
    setAnswer(undefined);
    request<StatisticsAnswer>(path, { bearer: session.idToken }).then(
      (value) => {
        setAnswer(value);
        setFailure(undefined);
      },
      (error: unknown) => {
        setFailure(problemText(error, t));
      },
    );
  }, [path]);
  useEffect(
    () => () => {
      if (csv) URL.revokeObjectURL(csv);
    },
    [csv],
  );

  const nameOf = (id: string) => directory.find((body) => body.id === id)?.name[language] ?? id;
  const totals = answer
    ? totalsByBody(answer.items).filter(
        (total) => total.received + total.timely + total.late + total.overdueNow > 0,
      )
    : [];
  const names = totals.map((total) => nameOf(total.bodyId));
  const months = answer ? [...new Set(answer.items.map((item) => item.month))].sort() : [];
  const byMonth = months.map((month) => answer?.items.filter((item) => item.month === month) ?? []);
  const sum = (items: readonly MonthFiguresView[], pick: (item: MonthFiguresView) => number) =>
    items.reduce((total, item) => total + pick(item), 0);
  const rate = (total: BodyTotals) =>
    total.timely + total.late === 0
      ? 0
      : Math.round((total.timely / (total.timely + total.late)) * 100);

  const bar = (
    labels: string[],
    datasets: { label: string; data: number[] }[],
    stacked: boolean,
    max?: number,
  ): ChartConfiguration<'bar'> => ({
    type: 'bar',
    data: {
      labels,
      datasets: datasets.map((set, i) => ({
        ...set,
        backgroundColor: palette[i % palette.length] ?? '#00566b',
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: labels.length > 6 ? 'y' : 'x',
      animation: false,
      scales: {
        x: { stacked, ...(max === undefined ? {} : { max }) },
        y: { stacked, beginAtZero: true },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });

  return (
    <>
      <h1>{t('stats.title')}</h1>
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <div class="field">
          <label for="stats-from">{t('stats.from')}</label>
          <input
            id="stats-from"
            type="month"
            value={from}
            onInput={(e) => {
              if (e.currentTarget.value) setFrom(e.currentTarget.value);
            }}
          />
        </div>
        <div class="field">
          <label for="stats-to">{t('stats.to')}</label>
          <input
            id="stats-to"
            type="month"
            value={to}
            onInput={(e) => {
              if (e.currentTarget.value) setTo(e.currentTarget.value);
            }}
          />
        </div>
        {session.agency ? (
          <BodySelect
            id="stats-body"
            label={t('desk.body')}
            value={bodyId}
            bodies={directory}
            allLabel={t('stats.allBodies')}
            onChange={setBodyId}
          />
        ) : null}
        <div class="field">
          {csv ? (
            <a class="button" href={csv} download={`statistics-${from}-${to}.csv`}>
              {t('stats.downloadReady')}
            </a>
          ) : (
            <button
              type="button"
              onClick={() => {
                send(path, { bearer: session.idToken, accept: 'text/csv' })
                  .then((response) => response.blob())
                  .then((blob) => {
                    setCsv(URL.createObjectURL(blob));
                  })
                  .catch((error: unknown) => {
                    setFailure(problemText(error, t));
                  });
              }}
            >
              {t('stats.csv')}
            </button>
          )}
        </div>
      </form>
      {failure ? <Alert>{failure}</Alert> : null}
      {answer === undefined && !failure ? <p role="status">{t('app.loading')}</p> : null}
      {answer && totals.length === 0 ? <p>{t('stats.empty')}</p> : null}
      {answer && totals.length > 0 ? (
        <>
          <h2>{t('stats.onTime')}</h2>
          <BarChart
            label={t('stats.onTime')}
            config={bar(
              names,
              [{ label: t('stats.onTimeRate'), data: totals.map(rate) }],
              false,
              100,
            )}
          />
          <h2>{t('stats.overdueAndExtensions')}</h2>
          <BarChart
            label={t('stats.overdueAndExtensions')}
            config={bar(
              names,
              [
                { label: t('stats.overdueNow'), data: totals.map((total) => total.overdueNow) },
                ...extensionReasons.map((reason) => ({
                  label: t(`reason.${reason}`),
                  data: totals.map((total) => total.byReason[reason] ?? 0),
                })),
              ],
              false,
            )}
          />
          <h2>{t('stats.outcomes')}</h2>
          <BarChart
            label={t('stats.outcomes')}
            config={bar(
              names,
              decisionOutcomes.map((outcome) => ({
                label: t(`outcome.${outcome}`),
                data: totals.map((total) => total.outcomes[outcome] ?? 0),
              })),
              true,
            )}
          />
          <h2>{t('stats.byMonth')}</h2>
          <BarChart
            label={t('stats.byMonth')}
            config={bar(
              months,
              [
                {
                  label: t('stats.received'),
                  data: byMonth.map((items) => sum(items, (item) => item.received)),
                },
                {
                  label: t('stats.decidedTimely'),
                  data: byMonth.map((items) => sum(items, (item) => item.decided.timely)),
                },
                {
                  label: t('stats.decidedLate'),
                  data: byMonth.map((items) => sum(items, (item) => item.decided.late)),
                },
              ],
              false,
            )}
          />
          <h2>{t('stats.table')}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('desk.body')}</th>
                  <th scope="col">{t('stats.received')}</th>
                  <th scope="col">{t('stats.decidedTimely')}</th>
                  <th scope="col">{t('stats.decidedLate')}</th>
                  <th scope="col">{t('stats.onTimeRate')}</th>
                  <th scope="col">{t('stats.overdueNow')}</th>
                </tr>
              </thead>
              <tbody>
                {totals.map((total) => (
                  <tr key={total.bodyId}>
                    <th scope="row">{nameOf(total.bodyId)}</th>
                    <td>{total.received}</td>
                    <td>{total.timely}</td>
                    <td>{total.late}</td>
                    <td>{rate(total)} %</td>
                    <td>{total.overdueNow}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
