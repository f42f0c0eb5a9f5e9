import { describe, expect, it } from "vitest";
import { documentKind, hanBigrams } from "./features.js";

describe("events:features/document-kind", () => {
  it.each([
    // Battles and wars, Simplified and Traditional.
    ["淞沪会战", "battle"],
    ["赤壁之战", "battle"],
    ["台兒莊戰役", "battle"],
    ["黄海海战", "battle"],
    ["甲午战争", "war"],
    ["武昌起義", "war"],
    ["五四运动", "war"],
    // Incidents, crises and disasters.
    ["卢沟桥事变", "incident"],
    ["古巴导弹危机", "incident"],
    ["唐山大地震", "incident"],
    ["泰坦尼克號沉沒", "incident"],
    // Treaties and other agreements.
    ["马关条约", "treaty"],
    ["凡爾賽和約", "treaty"],
    ["中英联合声明", "treaty"],
    ["巴黎协定", "treaty"],
    // Conferences.
    ["开罗会议", "conference"],
    ["雅爾達會議", "conference"],
    ["二十国集团峰会", "conference"],
    // Craft.
    ["神舟六号", "craft"],
    ["辽宁舰", "craft"],
    ["東方紅二號", "craft"],
    // Organisations.
    ["英国东印度公司", "organisation"],
    ["中国同盟会", "organisation"],
    ["海关总署", "organisation"],
    // A year in brackets after the title is no part of its ending.
    ["巴黎和会 (1919年)", "conference"],
    ["日內瓦會議 (1954年)", "conference"],
    // Persons, places and relations name no kind.
    ["李鸿章", null],
    ["上海", null],
    ["朝鲜半岛", null],
    ["中美关系", null],
  ] as const)("%s → %s", (title, kind) => {
    expect(documentKind(title)).toBe(kind);
  });
});

describe("events:features/han-bigrams", () => {
  it.each([
    ["攻陷", ["攻陷"]],
    ["宣布退出", ["宣布", "布退", "退出"]],
    // Only pairs of Han characters: digits, Latin and punctuation break them.
    ["1894年7月", []],
    ["向A国宣战", ["国宣", "宣战"]],
  ] as const)("%s → %j", (text, expected) => {
    expect(hanBigrams(text)).toEqual(expected);
  });
});
