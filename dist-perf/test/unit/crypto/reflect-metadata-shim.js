const store = new WeakMap();
function own(target, property, create) {
    let byProperty = store.get(target);
    if (!byProperty) {
        if (!create)
            return undefined;
        byProperty = new Map();
        store.set(target, byProperty);
    }
    let map = byProperty.get(property);
    if (!map && create) {
        map = new Map();
        byProperty.set(property, map);
    }
    return map;
}
const R = Reflect;
if (typeof R['getMetadata'] !== 'function') {
    R['defineMetadata'] = (key, value, target, property) => {
        own(target, property, true).set(key, value);
    };
    R['getOwnMetadata'] = (key, target, property) => own(target, property, false)?.get(key);
    R['getMetadata'] = (key, target, property) => {
        for (let t = target; t; t = Object.getPrototypeOf(t)) {
            const map = own(t, property, false);
            if (map?.has(key))
                return map.get(key);
        }
        return undefined;
    };
    R['hasMetadata'] = (key, target, property) => R['getMetadata'](key, target, property) !== undefined;
}
export {};
//# sourceMappingURL=reflect-metadata-shim.js.map