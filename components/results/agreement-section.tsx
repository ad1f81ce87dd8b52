// "Rater agreement", "Position bias" and "Length bias": how much to trust the votes themselves.
import { intervalText, percent, pValueText } from "@/lib/results/format";
import type { AgreementJson, ShareJson } from "@/lib/results/types";
import { Section, Stat } from "./section";

export function AgreementSection({ agreement }: { agreement: AgreementJson }) {
  return (
    <Section id="agreement" title="Rater agreement" description="Over pairs (a prompt's two answers) with two or more votes; categories: A better, B better, tie, both bad.">
      <AgreementStats agreement={agreement} />
    </Section>
  );
}

export function AgreementStats({ agreement }: { agreement: AgreementJson }) {
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Stat label="Fleiss' kappa" value={agreement.fleissKappa === null ? "–" : agreement.fleissKappa.toFixed(3)} />
        <Stat label="Pairwise agreement" value={percent(agreement.pairwise)} />
        <Stat label="Pairs with 2+ votes" value={agreement.items} />
      </dl>
      <p className="mt-3 text-sm text-slate-700">{agreement.summary}</p>
    </>
  );
}

export function ShareSection({ id, title, description, share, hitLabel, missLabel }: {
  id: string;
  title: string;
  description: string;
  share: ShareJson;
  hitLabel: string;
  missLabel: string;
}) {
  return (
    <Section id={id} title={title} description={description}>
      <ShareStats share={share} hitLabel={hitLabel} missLabel={missLabel} />
    </Section>
  );
}

export function ShareStats({ share, hitLabel, missLabel }: { share: ShareJson; hitLabel: string; missLabel: string }) {
  return (
    <>
      <dl className="grid grid-cols-2 gap-3">
        <Stat label={hitLabel} value={share.hits} />
        <Stat label={missLabel} value={share.misses} />
        <Stat label="Share (95% CI)" value={percent(share.share)} hint={intervalText(share.interval)} />
        <Stat label="Binomial test vs 50%" value={pValueText(share.pValue)} hint={share.verdict} />
      </dl>
      <p className={`mt-3 rounded-md px-3 py-2 text-sm ${share.significant ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-700"}`}>{share.summary}</p>
    </>
  );
}
