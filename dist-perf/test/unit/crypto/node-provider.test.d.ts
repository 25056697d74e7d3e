import './reflect-metadata-shim.js';
