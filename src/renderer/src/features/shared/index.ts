export { downloadCsv } from './download-csv';
export { useCsvExport, type CsvExportMethod } from './use-csv-export';
export { toBase64 } from './file-bytes';
export { StoredImageThumbnail } from './stored-image-thumbnail';
export { ImageDropZone, isStorableImage, pasteImagesTo } from './image-drop';
