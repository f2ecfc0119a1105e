import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { pickClientMessages, type Messages } from "@/lib/i18n/messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Seller dashboard", template: "%s · Seller dashboard" },
  description: "TikTok Shop and brand-site orders side by side, with the 2026 compliance risks watched.",
  // Ops add the risk queue to their phone's home screen (public/manifest.webmanifest).
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  appleWebApp: { capable: true, title: "Seller risk", statusBarStyle: "default" },
  // A private dashboard: kept out of search engines (robots.txt says the same to crawlers).
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f172a" };

// Every page is rendered per request: the CSP nonce (proxy.ts) is new on each, and Next can only
// put it on the scripts of a page it renders now, never on a prerendered one.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider locale={locale} messages={pickClientMessages(messages as Messages)}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
