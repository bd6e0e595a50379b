// The reference frontend: renders the five page kinds (home, campaign, filtered resource library,
// resource, story) in French and Arabic from API v3 alone, with the client generated from the
// served OpenAPI document. Page types are told apart by `page.type` only: no cast, no guard.
//
//   node dist/render.js <base URL> <output folder>
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Schemas = components["schemas"];
type Page = NonNullable<Schemas["PageAtPath"]["page"]>;
type PageType = Page["type"];
type Block = NonNullable<Schemas["CampaignPageSchema"]["body"]>[number];
type Card = Schemas["PageCard"];
type Image = Schemas["Image"];

const LOCALES = ["fr", "ar"] as const;
type Locale = (typeof LOCALES)[number];
const KINDS = ["home", "campaign", "library", "resource", "story"] as const;
type Kind = (typeof KINDS)[number];
const KIND_TYPES: Record<Kind, PageType> = {
  home: "home.HomePage",
  campaign: "home.CampaignPage",
  library: "resources.ResourceIndexPage",
  resource: "resources.ResourcePage",
  story: "stories.SurvivorStoryPage",
};

const [baseUrl = process.env["API_BASE_URL"], outputDir = "build/html"] = process.argv.slice(2);
if (!baseUrl) {
  throw new Error("usage: node dist/render.js <base URL, e.g. http://127.0.0.1:8000> [output folder]");
}
const client = createClient<paths>({ baseUrl });
let requests = 0;

function failed(what: string, status: number, detail: string | undefined): never {
  throw new Error(`${what}: ${status} ${detail ?? ""}`);
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pathOf = (url: string): string => new URL(url, baseUrl).pathname;

async function site(locale: Locale) {
  requests += 1;
  const { data, error, response } = await client.GET("/api/v3/site/", {
    params: { query: { locale } },
  });
  return data ?? failed(`site ${locale}`, response.status, error?.detail);
}

async function languages() {
  requests += 1;
  const { data, error, response } = await client.GET("/api/v3/locales/");
  return (data ?? failed("locales", response.status, error?.detail)).items;
}

async function cards(query: NonNullable<paths["/api/v3/pages/"]["get"]["parameters"]["query"]>) {
  requests += 1;
  const { data, error, response } = await client.GET("/api/v3/pages/", { params: { query } });
  return (data ?? failed(`pages ${JSON.stringify(query)}`, response.status, error?.detail)).items
    .flatMap((item) => (item.card ? [item.card] : [])); // null: a page no site serves
}

async function firstCard(type: PageType, locale: Locale): Promise<Card> {
  const [card] = await cards({ type: [type], locale, limit: 1 });
  return card ?? failed(`no ${type} in ${locale}`, 404, undefined);
}

// One request per page: its detail at its address, with any redirect followed.
async function pageAt(htmlPath: string): Promise<Page> {
  requests += 1;
  const { data, error, response } = await client.GET("/api/v3/pages/by-path/", {
    params: { query: { html_path: htmlPath } },
  });
  const found = data ?? failed(`page at ${htmlPath}`, response.status, error?.detail);
  return found.page ?? failed(`${htmlPath} leads off the site`, 404, found.redirect?.new_url);
}

function image(img: Image | null, className: string): string {
  if (!img) return "";
  const r = img.renditions;
  return `<img class="${className}" src="${escape(r.w960_jpeg)}" srcset="${escape(r.w480_webp)} 480w, ${escape(r.w960_webp)} 960w, ${escape(r.w1440_webp)} 1440w" width="${img.width}" height="${img.height}" alt="${escape(img.alt)}">`;
}

type CallToAction = Schemas["CallToAction"];

function callToAction(c: CallToAction): string {
  const partner = c.partner ? `<p>${escape(c.partner.name)}</p>` : "";
  const share = c.share
    ? `<p><bdi>${escape(c.share.hashtag)}</bdi></p><ul>${c.share.links
        .map((l) => `<li><a href="${escape(l.url)}">${escape(l.name)}</a></li>`)
        .join("")}</ul>`
    : "";
  const amounts = (c.donation?.amounts ?? [])
    .map((a) => `<li><a href="${escape(a.url)}">${escape(a.label)}</a></li>`)
    .join("");
  const button = c.link ? `<a href="${escape(c.link)}">${escape(c.button_label)}</a>` : "";
  const donation = amounts ? `<ul>${amounts}</ul>` : "";
  return `<aside class="cta ${c.kind}"><h2>${escape(c.heading)}</h2><p>${escape(c.text)}</p>${partner}${share}${donation}${button}</aside>`;
}

// A sign-up box: the lists to choose and the consent wording; the form POSTs the address to
// /api/v3/newsletter/sign-up/ (the site's own, no mailing-list provider).
function signUp(s: Schemas["SignUp"]): string {
  const lists = s.lists
    .map((l) => `<li><label><input type="checkbox" name="lists" value="${l.id}"> ${escape(l.name)}</label></li>`)
    .join("");
  const consent = s.consent_wording ? `<p>${escape(s.consent_wording.text)}</p>` : "";
  return `<form class="sign-up" method="post"><h2>${escape(s.heading)}</h2><p>${escape(s.text)}</p><ul>${lists}</ul>${consent}<button>${escape(s.button_label)}</button></form>`;
}

function block(b: Block): string {
  switch (b.type) {
    case "paragraph":
      return b.value;
    case "section":
      return `<section><h2>${escape(b.value.heading)}</h2>${b.value.body}${image(b.value.image, "section")}</section>`;
    case "image":
      return `<figure>${image(b.value.image, "block")}<figcaption>${escape(b.value.caption)}</figcaption></figure>`;
    case "quote":
      return `<blockquote><p>${escape(b.value.quote)}</p><cite>${escape(b.value.attribution)}</cite></blockquote>`;
    case "video":
      return `<p><a href="${escape(b.value.url)}">${escape(b.value.title)} (${escape(b.value.provider)})</a></p>`;
    case "call_to_action":
      return callToAction(b.value);
    case "sign_up":
      return signUp(b.value);
    case "helplines":
      return `<aside><h2>${escape(b.value.heading)}</h2><ul>${b.value.helplines
        .map((h) => `<li>${escape(h.name)}: <a href="${escape(h.phone_link)}" dir="ltr">${escape(h.phone)}</a></li>`)
        .join("")}</ul></aside>`;
  }
}

const blocks = (body: Block[] | null): string => (body ?? []).map(block).join("\n");

function card(c: Schemas["PageSummary"] | Card): string {
  const warning = c.content_warning ? `<p class="warning">${escape(c.content_warning.summary)}</p>` : "";
  return `<li class="card ${escape(c.type)}">${warning}${image(c.image, "card")}<a href="${escape(pathOf(c.url))}">${escape(c.title)}</a><p>${escape(c.summary)}</p></li>`;
}

const cardList = (items: (Schemas["PageSummary"] | Card)[] | null): string =>
  items?.length ? `<ul class="cards">${items.map(card).join("")}</ul>` : "";

// What each page type shows in its <main>: narrowed by `type`, the discriminator.
async function main(page: Page, locale: Locale, topic: string): Promise<string> {
  switch (page.type) {
    case "home.HomePage":
      return `<h1>${escape(page.hero_heading)}</h1>${image(page.hero_image, "hero")}<p>${escape(page.hero_text ?? "")}</p>${cardList(page.featured_campaign ? [page.featured_campaign] : [])}${cardList(page.featured_resources)}${cardList(page.latest_stories)}`;
    case "home.CampaignPage":
      return `<h1>${escape(page.title)}</h1><p class="hashtag">${escape(page.hashtag ?? "")}</p>${image(page.hero_image, "hero")}<p>${escape(page.intro)}</p>${blocks(page.body)}${cardList(page.related_pages)}`;
    case "resources.ResourceIndexPage": {
      // The library filtered as a visitor would: by a topic slug, the same in every language.
      const filtered = await cards({ type: ["resources.ResourcePage"], locale, descendant_of: page.id, topic: [topic], limit: 20 });
      if (!filtered.length) failed(`library ${locale} filtered by ${topic}`, 404, "no card");
      return `<h1>${escape(page.title)}</h1><p>${escape(page.intro ?? "")}</p><p class="filter">topic=${escape(topic)}</p>${cardList(filtered)}`;
    }
    case "resources.ResourcePage":
      return `<h1>${escape(page.title)}</h1><p>${escape(page.resource_type?.name ?? "")} · ${escape(page.publication_date)}</p>${image(page.cover_image, "cover")}<p>${escape(page.summary)}</p>${blocks(page.body)}<ul>${(page.topics ?? []).map((t) => `<li>${escape(t.name)}</li>`).join("")}</ul>`;
    case "stories.SurvivorStoryPage": {
      // The warning comes before anything of the story.
      const warning = page.content_warning ? `<p class="warning" role="note">${escape(page.content_warning.summary)}</p>` : "";
      return `${warning}<h1>${escape(page.title)}</h1>${image(page.image, "story")}<blockquote>${escape(page.quote ?? "")}</blockquote>${blocks(page.body)}${(page.support ?? []).map(block).join("")}`;
    }
    case "home.StandardPage":
    case "home.CampaignIndexPage":
    case "stories.StoryIndexPage":
    case "wagtailcore.Page":
      return `<h1>${escape(page.title)}</h1>`;
  }
}

// Every page type has `seo` and `translations` but Wagtail's generic page (the tree's root,
// which no address leads to): the discriminator tells it apart.
function shared(page: Page) {
  switch (page.type) {
    case "wagtailcore.Page":
      return { seo: null, translations: [] };
    default:
      return { seo: page.seo, translations: page.translations ?? [] };
  }
}

function head(page: Page): string {
  const { seo } = shared(page);
  if (!seo) return `<title>${escape(page.title)}</title>`;
  const alternates = seo.alternates
    .map((a) => `<link rel="alternate" hreflang="${escape(a.hreflang)}" href="${escape(a.url)}">`)
    .join("");
  const shareImage = seo.image
    ? `<meta property="og:image" content="${escape(seo.image.url)}"><meta property="og:image:alt" content="${escape(seo.image.alt)}">`
    : "";
  return `<title>${escape(seo.document_title)}</title><meta name="description" content="${escape(seo.description)}">${seo.canonical_url ? `<link rel="canonical" href="${escape(seo.canonical_url)}">` : ""}${alternates}<meta property="og:title" content="${escape(seo.title)}"><meta property="og:type" content="${seo.og_type}"><meta property="og:locale" content="${escape(seo.locale)}"><meta name="twitter:card" content="${seo.twitter_card}">${shareImage}`;
}

type Site = Awaited<ReturnType<typeof site>>;
type Language = Awaited<ReturnType<typeof languages>>[number];

function switcher(page: Page, langs: Language[]): string {
  const links = shared(page).translations.map((t) => {
    const name = langs.find((l) => l.code === t.locale)?.name ?? t.locale;
    return `<li><a href="${escape(pathOf(t.url))}" hreflang="${escape(t.locale)}" lang="${escape(t.locale)}">${escape(name)}</a></li>`;
  });
  return `<nav class="languages"><ul>${links.join("")}</ul></nav>`;
}

async function render(page: Page, locale: Locale, siteData: Site, langs: Language[], topic: string): Promise<string> {
  const nav = (siteData.navigation?.main ?? [])
    .map((link) => `<li><a href="${escape(pathOf(link.url))}">${escape(link.text)}</a></li>`)
    .join("");
  return `<!doctype html>
<html lang="${escape(locale)}" dir="${siteData.direction}">
<head><meta charset="utf-8">${head(page)}</head>
<body><header><a href="${escape(pathOf(siteData.home?.url ?? "/"))}">${escape(siteData.settings?.site_name ?? "")}</a><nav><ul>${nav}</ul></nav>${switcher(page, langs)}</header>
<main>${await main(page, locale, topic)}</main>
<footer>${siteData.navigation?.footer_text ?? ""}</footer></body>
</html>
`;
}

async function renderLocale(locale: Locale, langs: Language[]): Promise<string[]> {
  const siteData = await site(locale);
  const direction = langs.find((l) => l.code === locale)?.direction;
  if (siteData.direction !== direction) failed(`${locale}'s direction`, 500, `${siteData.direction} ≠ ${direction}`);
  const resourceCard = await firstCard("resources.ResourcePage", locale);
  const topic = resourceCard.topics[0]?.slug ?? failed(`${resourceCard.url} has no topic`, 404, undefined);
  const paths: Record<Kind, string> = {
    home: pathOf(siteData.home?.url ?? failed(`site ${locale} has no home`, 404, undefined)),
    campaign: pathOf((await firstCard("home.CampaignPage", locale)).url),
    library: pathOf((await firstCard("resources.ResourceIndexPage", locale)).url),
    resource: pathOf(resourceCard.url),
    story: pathOf((await firstCard("stories.SurvivorStoryPage", locale)).url),
  };
  const lines: string[] = [];
  for (const kind of KINDS) {
    const htmlPath = paths[kind];
    const page = await pageAt(htmlPath);
    const expected = KIND_TYPES[kind];
    if (page.type !== expected || page.meta.locale !== locale) {
      failed(`${htmlPath}`, 500, `is a ${page.type} in ${page.meta.locale}, not a ${expected} in ${locale}`);
    }
    const html = await render(page, locale, siteData, langs, topic);
    const file = join(outputDir, locale, `${kind}.html`);
    writeFileSync(file, html);
    lines.push(`${locale} ${kind.padEnd(8)} ${page.type.padEnd(27)} ${decodeURI(htmlPath)} → ${file} (${html.length} chars)`);
  }
  return lines;
}

async function run(): Promise<void> {
  const langs = await languages();
  const summary: string[] = [];
  for (const locale of LOCALES) {
    mkdirSync(join(outputDir, locale), { recursive: true });
    summary.push(...(await renderLocale(locale, langs)));
  }
  console.log(summary.join("\n"));
  console.log(`${summary.length} pages rendered in ${LOCALES.length} languages with ${requests} requests.`);
}

run().catch((error: unknown) => {
  console.error(`frontend-check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
