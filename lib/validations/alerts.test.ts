import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-result";
import { alertChannelSchema, alertPreferencesSchema, alertRuleSchema } from "./alerts";

const errors = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrorsOf(r.error as never));

describe("alert channel input", () => {
  it("names the field of an invalid e-mail address or URL", () => {
    expect(errors(alertChannelSchema.safeParse({ kind: "EMAIL", name: "Ops team", target: "ops-team@" }))).toEqual({
      target: "Enter a valid e-mail address, e.g. ops-team@example.com",
    });
    expect(errors(alertChannelSchema.safeParse({ kind: "SLACK", name: "#ops", target: "hooks.slack.com/services/x" }))).toEqual({
      target: "Enter the full Slack webhook URL, starting with https://",
    });
    expect(errors(alertChannelSchema.safeParse({ kind: "WEBHOOK", name: "Tool", target: "ftp://example.com/x", secret: "0123456789abcdef" }))).toEqual({
      target: "The webhook URL must start with https://",
    });
    expect(errors(alertChannelSchema.safeParse({ kind: "WEBHOOK", name: "Tool", target: "https://example.com/x", secret: "short" }))).toEqual({
      secret: "A signing secret of at least 16 characters",
    });
  });
  it("accepts a blank target on edit (the stored one is kept)", () => {
    expect(alertChannelSchema.safeParse({ id: "abc", kind: "SLACK", name: "#ops", target: "" }).success).toBe(true);
  });
});

describe("alert rule input", () => {
  it("reads lead hours and refuses unknown rules", () => {
    const ok = alertRuleSchema.safeParse({
      name: "R",
      rules: ["tracking.invalid"],
      severities: [],
      storeIds: [],
      recipientRoles: ["OPS"],
      recipientUserIds: [],
      channelIds: [],
      leadHours: "4, 24 12",
    });
    expect(ok.success && ok.data.leadHours).toEqual([24, 12, 4]);
    const bad = alertRuleSchema.safeParse({
      name: "R",
      rules: ["no.such_rule"],
      severities: [],
      storeIds: [],
      recipientRoles: [],
      recipientUserIds: [],
      channelIds: [],
      leadHours: "0",
    });
    expect(errors(bad)).toMatchObject({ rules: "Unknown rule", leadHours: "Whole hours from 1 to 168, separated by commas, e.g. 24, 12, 4" });
  });
});

describe("alert preferences input", () => {
  it("needs a real zone and both ends of quiet hours", () => {
    expect(errors(alertPreferencesSchema.safeParse({ timeZone: "Mars/Olympus", quietStart: "22:00" }))).toEqual({
      timeZone: "Not a time zone we know, e.g. Europe/London",
      quietEnd: "Set both the start and the end, or neither",
    });
    expect(alertPreferencesSchema.safeParse({ timeZone: "Europe/London", quietStart: "22:00", quietEnd: "07:00", digestTime: "08:00" }).success).toBe(true);
  });
});
