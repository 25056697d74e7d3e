export {};
//# sourceMappingURL=proto-types.js.map